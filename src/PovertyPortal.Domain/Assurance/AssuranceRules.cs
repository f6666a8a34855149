using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Assurance;

/// <summary>What the register itself says about the items it can answer: education, medical care, housing.</summary>
public static class AssuranceRules
{
    public static string Label(this AssuranceItemKind kind) => kind switch
    {
        AssuranceItemKind.Food => "不愁吃",
        AssuranceItemKind.Clothing => "不愁穿",
        AssuranceItemKind.CompulsoryEducation => "义务教育有保障",
        AssuranceItemKind.BasicMedical => "基本医疗有保障",
        AssuranceItemKind.HousingSafety => "住房安全有保障",
        AssuranceItemKind.DrinkingWaterQuality => "饮水安全（水质）",
        AssuranceItemKind.DrinkingWaterQuantity => "饮水安全（水量）",
        AssuranceItemKind.Electricity => "通生活用电",
        AssuranceItemKind.Television => "通广播电视",
        _ => kind.ToString(),
    };

    public static string Label(this HousingGrade grade) => grade switch
    {
        HousingGrade.A => "A级（安全）",
        HousingGrade.B => "B级（基本安全）",
        HousingGrade.C => "C级（局部危房）",
        HousingGrade.D => "D级（整栋危房）",
        _ => grade.ToString(),
    };

    /// <summary>A member's facts the computed items need.</summary>
    public sealed record MemberFacts(string Name, DateOnly BirthDate, SchoolingStatus Schooling, bool HasBasicMedicalInsurance, bool IsDeceased);

    /// <summary>The register's answer and why, for one item; null where the register cannot tell (food, water …).</summary>
    public sealed record Computed(bool Met, string Reason);

    /// <summary>
    /// 义务教育: every living member aged 6–15 on 31 August of the year (the school-year cut-off) is at school and has
    /// not dropped out.
    /// </summary>
    public static Computed Education(IEnumerable<MemberFacts> members, int year)
    {
        var cutoff = new DateOnly(year, 8, 31);
        var missing = members.Where(m => !m.IsDeceased)
            .Where(m => Age(m.BirthDate, cutoff) is >= 6 and <= 15)
            .Where(m => m.Schooling is SchoolingStatus.NotInSchool or SchoolingStatus.DroppedOut)
            .Select(m => $"{m.Name}（{m.Schooling.Label()}）").ToList();
        return missing.Count == 0
            ? new Computed(true, "6—15岁成员均在校")
            : new Computed(false, "6—15岁未在校：" + string.Join("、", missing));
    }

    /// <summary>基本医疗: every living member has basic medical insurance.</summary>
    public static Computed Medical(IEnumerable<MemberFacts> members)
    {
        var missing = members.Where(m => !m.IsDeceased && !m.HasBasicMedicalInsurance).Select(m => m.Name).ToList();
        return missing.Count == 0
            ? new Computed(true, "全部成员已参加基本医疗保险")
            : new Computed(false, "未参保：" + string.Join("、", missing));
    }

    /// <summary>住房安全: grade A or B, or a C/D house left behind by a relocated household.</summary>
    public static Computed? Housing(HousingGrade? grade, bool isRelocated) => grade switch
    {
        null => null,
        HousingGrade.A or HousingGrade.B => new Computed(true, $"住房鉴定为{grade.Value.Label()}"),
        _ when isRelocated => new Computed(true, $"原住房{grade.Value.Label()}，已易地搬迁"),
        _ => new Computed(false, $"住房鉴定为{grade.Value.Label()}，未搬迁"),
    };

    public static Computed? For(AssuranceItemKind kind, IReadOnlyList<MemberFacts> members, int year, HousingGrade? grade, bool isRelocated) =>
        kind switch
        {
            AssuranceItemKind.CompulsoryEducation => Education(members, year),
            AssuranceItemKind.BasicMedical => Medical(members),
            AssuranceItemKind.HousingSafety => Housing(grade, isRelocated),
            _ => null,
        };

    private static int Age(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on < birth.AddYears(on.Year - birth.Year) ? 1 : 0);
}
