using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace PovertyPortal.Domain.Households;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence whose parity gives the
/// gender, and an ISO 7064 MOD 11-2 check character. Parsing normalizes what people type (full-width digits,
/// spaces, a lowercase x) and says in Chinese which rule failed.
/// </summary>
public readonly record struct ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentId(string value) => Value = value;

    public string Value { get; }

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public Gender Gender => (Value[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female;

    public string AreaCode => Value[..6];

    /// <summary>The first six and last four characters; what every page shows until a reveal.</summary>
    public string Masked => Mask(Value);

    public override string ToString() => Value;

    public static string Mask(string? value) =>
        string.IsNullOrEmpty(value) ? ""
        : value.Length <= 10 ? new string('*', value.Length)
        : string.Concat(value.AsSpan(0, 6), new string('*', value.Length - 10), value.AsSpan(value.Length - 4));

    public static bool TryParse(string? input, [NotNullWhen(true)] out ResidentId? id, out string? error)
    {
        id = null;
        error = Validate(input, out var normalized);
        if (error is not null) return false;
        id = new ResidentId(normalized);
        return true;
    }

    public static ResidentId Parse(string input) =>
        TryParse(input, out var id, out var error) ? id.Value : throw new FormatException(error);

    /// <summary>Full-width digits and letters become half-width, white space goes, x becomes X.</summary>
    public static string Normalize(string? input)
    {
        if (string.IsNullOrEmpty(input)) return "";
        var sb = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            var ch = c;
            if (ch is >= '\uFF01' and <= '\uFF5E') ch = (char)(ch - 0xFEE0);
            if (char.IsWhiteSpace(ch) || ch == '\u3000') continue;
            sb.Append(ch == 'x' ? 'X' : ch);
        }
        return sb.ToString();
    }

    /// <summary>Returns null when valid, else a Chinese message naming the rule that failed.</summary>
    public static string? Validate(string? input, out string normalized)
    {
        normalized = Normalize(input);
        if (normalized.Length == 0) return "请填写公民身份号码";
        if (normalized.Length != 18) return $"公民身份号码应为18位，当前为{normalized.Length}位";
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(normalized[i])) return $"公民身份号码前17位只能是数字，第{i + 1}位“{normalized[i]}”不是数字";
        }
        if (!char.IsAsciiDigit(normalized[17]) && normalized[17] != 'X') return "公民身份号码第18位（校验码）只能是数字或X";
        if (normalized[0] == '0') return "公民身份号码前6位地址码无效";
        if (!DateOnly.TryParseExact(normalized.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900)
        {
            return $"公民身份号码第7至14位出生日期“{normalized.Substring(6, 8)}”不是有效日期";
        }
        var expected = CheckCharacter(normalized.AsSpan(0, 17));
        if (normalized[17] != expected) return $"公民身份号码校验码错误：第18位应为“{expected}”，实际为“{normalized[17]}”，请核对是否有数字录错";
        return null;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    /// <summary>Builds a valid ID from its parts (synthetic data, tests).</summary>
    public static ResidentId Create(string areaCode, DateOnly birthDate, int sequence, Gender gender)
    {
        if (areaCode.Length != 6) throw new ArgumentException("地址码应为6位数字", nameof(areaCode));
        sequence = Math.Clamp(sequence, 0, 999);
        var odd = sequence % 2 == 1;
        if (odd != (gender == Gender.Male)) sequence = sequence == 999 ? 998 : sequence + 1;
        var first17 = string.Create(CultureInfo.InvariantCulture, $"{areaCode}{birthDate:yyyyMMdd}{sequence:000}");
        return new ResidentId(first17 + CheckCharacter(first17));
    }
}
