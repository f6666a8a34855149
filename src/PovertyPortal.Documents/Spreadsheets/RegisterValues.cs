using System.Collections.Frozen;
using System.Globalization;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>
/// The values a register cell may hold, beyond the labels of <see cref="HouseholdLabels"/>. Every form is compared
/// after <c>CellText.Compact</c> (full-width → half-width, no white space), so 一般贫困户, " 一般贫困户 " and
/// 一般贫困户（with U+3000） are one. Short forms are accepted only where they name one value in that column.
/// </summary>
public static class RegisterValues
{
    /// <summary>The other words accepted for each enum value, beside its label (listed in docs/register-file.md).</summary>
    public static IReadOnlyDictionary<Enum, string[]> Aliases { get; } = new Dictionary<Enum, string[]>
    {
        [PovertyCategory.General] = ["一般户", "一般", "一般贫困"],
        [PovertyCategory.Dibao] = ["低保户", "低保", "低保贫困"],
        [PovertyCategory.Tekun] = ["特困供养户", "特困户", "特困", "特困供养", "五保户", "五保", "五保贫困户", "特困供养贫困户(五保)", "特困供养(五保)"],
        [PovertyCause.Illness] = ["因病致贫", "病"],
        [PovertyCause.Disability] = ["因残致贫", "残"],
        [PovertyCause.Schooling] = ["因学致贫", "学"],
        [PovertyCause.Disaster] = ["因灾致贫", "灾"],
        [PovertyCause.LackOfLand] = ["缺土地致贫", "缺地"],
        [PovertyCause.LackOfWater] = ["缺水致贫"],
        [PovertyCause.LackOfSkills] = ["缺技术致贫", "缺技能"],
        [PovertyCause.LackOfLabour] = ["缺劳力致贫", "缺劳动力"],
        [PovertyCause.LackOfCapital] = ["缺资金致贫"],
        [PovertyCause.PoorTransport] = ["交通落后", "交通条件落后致贫"],
        [PovertyCause.LackOfDrive] = ["自身发展动力不足致贫", "发展动力不足", "缺乏发展动力"],
        [HouseholdStatus.NotRegistered] = ["非建档立卡", "非贫困户", "一般农户"],
        [HouseholdStatus.Identified] = ["未脱贫户", "贫困", "在档未脱贫"],
        [HouseholdStatus.Exited] = ["脱贫", "脱贫户", "已脱贫户", "脱贫享受政策", "脱贫不享受政策", "稳定脱贫"],
        [HouseholdStatus.Returned] = ["返贫户", "已返贫"],
        [HouseholdStatus.Removed] = ["清退", "已清退户"],
        [MonitoringType.UnstableExited] = ["脱贫不稳定"],
        [MonitoringType.Marginal] = ["边缘户", "边缘易致贫", "边缘易致贫困户"],
        [MonitoringType.SuddenHardship] = ["突发严重困难", "严重困难户"],
        [Relationship.Head] = ["本人", "本人(户主)"],
        [Relationship.Spouse] = ["妻", "妻子", "夫", "丈夫", "之妻", "之夫"],
        [Relationship.Son] = ["子", "儿子", "长子", "次子"],
        [Relationship.Daughter] = ["女", "女儿", "长女", "次女"],
        [Relationship.Father] = ["父亲", "父"],
        [Relationship.Mother] = ["母亲", "母"],
        [Relationship.Grandson] = ["孙子", "之孙", "之外孙子", "外孙子", "外孙"],
        [Relationship.Granddaughter] = ["孙女", "之外孙女", "外孙女"],
        [Relationship.DaughterInLaw] = ["儿媳", "之媳", "儿媳妇"],
        [Relationship.SonInLaw] = ["女婿"],
        [Relationship.Sibling] = ["兄", "弟", "姐", "妹", "之兄", "之弟", "之姐", "之妹", "兄弟", "姐妹", "兄妹", "姐弟", "之兄弟姐妹"],
        // The national system's codes with no value of their own here are stored as 其他, which is true of them.
        [Relationship.Other] = ["其它", "之岳父", "之岳母", "之公公", "之婆婆", "之祖父", "之祖母", "之外祖父", "之外祖母",
            "之侄子", "之侄女", "之曾孙子", "之曾孙女", "之孙媳妇", "之孙女婿", "之兄弟姐妹之子女"],
        [Gender.Male] = ["男性"],
        [Gender.Female] = ["女性"],
        [SchoolingStatus.NotInSchool] = ["非在校生", "不在校"],
        [SchoolingStatus.Preschool] = ["学前教育", "学龄前", "幼儿园"],
        [SchoolingStatus.Primary] = ["小学在读", "一年级", "二年级", "三年级", "四年级", "五年级", "六年级"],
        [SchoolingStatus.JuniorHigh] = ["初中在读", "七年级", "八年级", "九年级", "初一", "初二", "初三"],
        [SchoolingStatus.SeniorHigh] = ["高中在读", "普通高中", "高中一年级", "高中二年级", "高中三年级", "高一", "高二", "高三"],
        [SchoolingStatus.Vocational] = ["中专", "中职(中专)", "职高", "技校", "中职一年级", "中职二年级", "中职三年级"],
        [SchoolingStatus.College] = ["大专", "本科", "大学", "研究生", "高职一年级", "高职二年级", "高职三年级", "本科及以上"],
        [SchoolingStatus.DroppedOut] = ["失学辍学", "失学"],
        [HealthStatus.ChronicIllness] = ["慢性病", "患有长期慢性病"],
        [HealthStatus.SeriousIllness] = ["患有大病", "重病"],
        [LabourAbility.WeakOrPartial] = ["弱劳动力", "半劳动力"],
        [LabourAbility.Lost] = ["丧失劳动能力"],
    };

    private static readonly FrozenDictionary<string, PovertyCategory> Categories = Build<PovertyCategory>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, PovertyCause> Causes = Build<PovertyCause>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, HouseholdStatus> Statuses = Build<HouseholdStatus>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, MonitoringType> MonitoringTypes = Build<MonitoringType>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, Relationship> Relationships = Build<Relationship>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, Gender> Genders = Build<Gender>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, SchoolingStatus> Schooling = Build<SchoolingStatus>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, HealthStatus> Healths = Build<HealthStatus>(HouseholdLabels.Label);
    private static readonly FrozenDictionary<string, LabourAbility> Labour = Build<LabourAbility>(HouseholdLabels.Label);

    private static FrozenDictionary<string, T> Build<T>(Func<T, string> label) where T : struct, Enum
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var value in Enum.GetValues<T>())
        {
            map[CellText.Compact(label(value))!] = value;
            if (Aliases.TryGetValue(value, out var aliases))
            {
                foreach (var alias in aliases) map.TryAdd(CellText.Compact(alias)!, value);
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public static bool TryParse(string? text, out PovertyCategory value) => Lookup(Categories, text, out value);
    public static bool TryParse(string? text, out PovertyCause value) => Lookup(Causes, text, out value);
    public static bool TryParse(string? text, out HouseholdStatus value) => Lookup(Statuses, text, out value);
    public static bool TryParse(string? text, out MonitoringType value) => Lookup(MonitoringTypes, text, out value);
    public static bool TryParse(string? text, out Relationship value) => Lookup(Relationships, text, out value);
    public static bool TryParse(string? text, out Gender value) => Lookup(Genders, text, out value);
    public static bool TryParse(string? text, out SchoolingStatus value) => Lookup(Schooling, text, out value);
    public static bool TryParse(string? text, out LabourAbility value) => Lookup(Labour, text, out value);

    /// <summary>
    /// 健康状况: a label or alias; any text with 残疾 in it is <see cref="HealthStatus.Disabled"/>, and a grade written
    /// with it (残疾（二级）, 残疾2级, 二级残疾, 肢体残疾三级) gives <paramref name="disabilityGrade"/> 1–4.
    /// </summary>
    public static bool TryParse(string? text, out HealthStatus value, out int? disabilityGrade)
    {
        disabilityGrade = null;
        var key = CellText.Compact(text);
        if (key is null) { value = default; return false; }
        if (Healths.TryGetValue(key, out value)) return true;
        if (!key.Contains("残疾", StringComparison.Ordinal)) return false;
        value = HealthStatus.Disabled;
        var level = key.IndexOf('级', StringComparison.Ordinal);
        if (level > 0)
        {
            disabilityGrade = key[level - 1] switch
            {
                '一' or '1' => 1,
                '二' or '2' => 2,
                '三' or '3' => 3,
                '四' or '4' => 4,
                _ => null,
            };
        }
        return true;
    }

    private static bool Lookup<T>(FrozenDictionary<string, T> map, string? text, out T value) where T : struct
    {
        var key = CellText.Compact(text);
        if (key is not null && map.TryGetValue(key, out value)) return true;
        value = default;
        return false;
    }

    /// <summary>是/否 columns: 是/否, Y/N, YES/NO, 1/0, TRUE/FALSE (any case); Excel's own TRUE/FALSE and 1/0 cells too.</summary>
    public static bool TryParseYesNo(object? raw, out bool value)
    {
        switch (raw)
        {
            case bool b: value = b; return true;
            case double d when d is 0 or 1: value = d == 1; return true;
        }
        value = false;
        var key = CellText.Compact(raw as string);
        if (key is null) return false;
        if (key is "是" or "1" || key.Equals("Y", StringComparison.OrdinalIgnoreCase) || key.Equals("YES", StringComparison.OrdinalIgnoreCase)
            || key.Equals("TRUE", StringComparison.OrdinalIgnoreCase))
        {
            value = true;
            return true;
        }
        return key is "否" or "0" || key.Equals("N", StringComparison.OrdinalIgnoreCase) || key.Equals("NO", StringComparison.OrdinalIgnoreCase)
            || key.Equals("FALSE", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Dates: DateTime cells, Excel date serials (numeric cells), and text 2019-03-05, 2019/3/5, 2019.3.5,
    /// 2019年3月5日, 20190305, each optionally followed by a time (2019/3/5 0:00). Years 1900–2100.
    /// </summary>
    public static bool TryParseDate(object? raw, out DateOnly value)
    {
        value = default;
        switch (raw)
        {
            case DateTime dt:
                value = DateOnly.FromDateTime(dt);
                return value.Year is >= 1900 and <= 2100;
            case double d:
                if (d < 1 || d >= 2958466 || double.IsNaN(d)) return false;
                value = DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(d)));
                return value.Year is >= 1900 and <= 2100;
            case string s:
                return TryParseDateText(s, out value);
            default:
                return false;
        }
    }

    private static bool TryParseDateText(string text, out DateOnly value)
    {
        value = default;
        var cleaned = CellText.Clean(text);
        if (cleaned is null) return false;
        var span = cleaned.AsSpan();
        var space = span.IndexOfAny(' ', 'T', '\u3000');
        if (space > 0) span = span[..space];
        Span<char> buffer = stackalloc char[Math.Min(span.Length, 64)];
        if (span.Length > 64) return false;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            buffer[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c;
        }
        var s = buffer[..span.Length];
        if (s.Length > 0 && s[^1] == '日') s = s[..^1];
        int year, month, day;
        if (s.Length == 8 && IsDigits(s))
        {
            year = int.Parse(s[..4], CultureInfo.InvariantCulture);
            month = int.Parse(s.Slice(4, 2), CultureInfo.InvariantCulture);
            day = int.Parse(s.Slice(6, 2), CultureInfo.InvariantCulture);
        }
        else
        {
            Span<Range> parts = stackalloc Range[4];
            var count = s.SplitAny(parts, "-/.年月");
            if (count != 3) return false;
            if (!TryDigits(s[parts[0]], 4, 4, out year) || !TryDigits(s[parts[1]], 1, 2, out month) || !TryDigits(s[parts[2]], 1, 2, out day))
            {
                return false;
            }
        }
        if (year is < 1900 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c)) return false;
        }
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> s, int min, int max, out int value)
    {
        value = 0;
        if (s.Length < min || s.Length > max || !IsDigits(s)) return false;
        value = int.Parse(s, CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Whole numbers: numeric cells with no fraction, or text such as 6, ６, 6.0, or with a unit (6个月, 6月, 2016年).
    /// </summary>
    public static bool TryParseWholeNumber(object? raw, out int value)
    {
        value = 0;
        switch (raw)
        {
            case double d:
                if (d != Math.Floor(d) || d < int.MinValue || d > int.MaxValue) return false;
                value = (int)d;
                return true;
            case string s:
                var key = CellText.Compact(s);
                if (key is null) return false;
                foreach (var unit in (ReadOnlySpan<string>)["个月", "月", "年"])
                {
                    if (key.EndsWith(unit, StringComparison.Ordinal)) { key = key[..^unit.Length]; break; }
                }
                if (int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out value)) return true;
                if (decimal.TryParse(key, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var m) && m == decimal.Truncate(m) && m <= int.MaxValue)
                {
                    value = (int)m;
                    return true;
                }
                return false;
            default:
                return false;
        }
    }

    /// <summary>The labels of an enum, for "可填" in messages.</summary>
    internal static string LabelList<T>() where T : struct, Enum =>
        string.Join("、", Enum.GetValues<T>().Select(v => HouseholdLabels.LabelOf(v)));
}
