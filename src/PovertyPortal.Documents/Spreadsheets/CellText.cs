using System.Globalization;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>How the text of a cell is cleaned before it is read.</summary>
internal static class CellText
{
    /// <summary>
    /// Free text (names, places): trimmed of white space (U+3000 and no-break spaces included); full-width digits and
    /// letters become half-width, other characters stay. Null when nothing is left. Allocates only when it changes.
    /// </summary>
    public static string? Clean(string? value)
    {
        if (value is null) return null;
        var span = value.AsSpan().Trim();
        if (span.IsEmpty) return null;
        var needsMap = false;
        foreach (var c in span)
        {
            if (IsFullWidthAlphanumeric(c)) { needsMap = true; break; }
        }
        if (!needsMap) return span.Length == value.Length ? value : span.ToString();
        return string.Create(span.Length, value, static (dest, source) =>
        {
            var s = source.AsSpan().Trim();
            for (var i = 0; i < s.Length; i++)
            {
                var c = s[i];
                dest[i] = IsFullWidthAlphanumeric(c) ? (char)(c - 0xFEE0) : c;
            }
        });
    }

    /// <summary>
    /// Codes (dates, numbers, yes/no, enumerated labels, phone numbers): every full-width ASCII character becomes
    /// half-width (（ → (, ／ → /), and all white space goes, inside too. Null when nothing is left.
    /// </summary>
    public static string? Compact(string? value)
    {
        if (value is null) return null;
        var needsWork = false;
        foreach (var c in value)
        {
            if (c is >= '\uFF01' and <= '\uFF5E' || char.IsWhiteSpace(c)) { needsWork = true; break; }
        }
        if (!needsWork) return value.Length == 0 ? null : value;
        Span<char> buffer = value.Length <= 256 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c)) continue;
            buffer[n++] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
        }
        return n == 0 ? null : new string(buffer[..n]);
    }

    /// <summary>A header name as compared: <see cref="Compact"/> and without the * that templates put on required names.</summary>
    public static string? HeaderKey(string? value)
    {
        var compact = Compact(value);
        if (compact is null || !compact.Contains('*')) return compact;
        var stripped = compact.Replace("*", "", StringComparison.Ordinal);
        return stripped.Length == 0 ? null : stripped;
    }

    public static bool IsFullWidthAlphanumeric(char c) =>
        c is >= '\uFF10' and <= '\uFF19' or >= '\uFF21' and <= '\uFF3A' or >= '\uFF41' and <= '\uFF5A';

    /// <summary>A raw cell value as the file shows it, for error messages.</summary>
    public static string? Display(object? raw) => raw switch
    {
        null => null,
        string s => s,
        double d => FormatNumber(d),
        DateTime dt => dt.TimeOfDay == TimeSpan.Zero
            ? dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => raw.ToString(),
    };

    /// <summary>An integral number below 10^15 as its digits; anything else as Excel shows it (15 significant digits).</summary>
    public static string FormatNumber(double d) =>
        Math.Abs(d) < 1e15 && d == Math.Floor(d)
            ? d.ToString("0", CultureInfo.InvariantCulture)
            : d.ToString("G15", CultureInfo.InvariantCulture);
}
