using System.Globalization;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;

namespace PovertyPortal.Web.Features.Reconciliation;

/// <summary>
/// A field's value as both sides are compared: the portal's typed value and the file's text turned into the same
/// Chinese words (the register import's labels and aliases), so 低保 and 低保贫困户, 2 and 二级 are one value.
/// </summary>
public static class ReconciliationValues
{
    public const string Empty = "（空）";
    public const string UnknownGrade = "残疾（等级不详）";
    public const string NotDisabled = "非残疾";

    /// <summary>A file value: its words (<paramref name="recognized"/> false: the raw text, which cannot be taken over).</summary>
    public static string File(ReconciliationField field, string text, out bool recognized)
    {
        recognized = true;
        switch (field)
        {
            case ReconciliationField.Name:
                return NoSpaces(text);
            case ReconciliationField.HouseholdNumber:
                return ResidentId.Normalize(text);
            case ReconciliationField.Relationship when RegisterValues.TryParse(text, out Relationship r):
                return r.Label();
            case ReconciliationField.HouseholdStatus when RegisterValues.TryParse(text, out HouseholdStatus s):
                return s.Label();
            case ReconciliationField.Category when RegisterValues.TryParse(text, out PovertyCategory c):
                return c.Label();
            case ReconciliationField.MonitoringType when RegisterValues.TryParse(text, out MonitoringType t):
                return t.Label();
            case ReconciliationField.SchoolingStatus when RegisterValues.TryParse(text, out SchoolingStatus s):
                return s.Label();
            case ReconciliationField.IdentificationYear or ReconciliationField.ExitYear
                when RegisterValues.TryParseWholeNumber(text, out var year) && year is >= 1980 and <= 2100:
                return year.ToString(CultureInfo.InvariantCulture);
            case ReconciliationField.HouseholdSize when RegisterValues.TryParseWholeNumber(text.TrimEnd('人', '口'), out var size) && size is >= 0 and < 100:
                return size.ToString(CultureInfo.InvariantCulture);
            case ReconciliationField.Disability when Grade(text) is { } grade:
                return grade;
            case ReconciliationField.BasicMedicalInsurance when Insured(text) is { } insured:
                return insured ? "是" : "否";
        }
        recognized = false;
        return text;
    }

    /// <summary>The portal's value of a field in the same words, or <see cref="Empty"/>.</summary>
    public static string Portal(ReconciliationField field, PortalPerson p) => field switch
    {
        ReconciliationField.Name => NoSpaces(p.Name),
        ReconciliationField.HouseholdNumber => p.HouseholdNumber,
        ReconciliationField.Relationship => p.Relationship.Label(),
        ReconciliationField.HouseholdStatus => p.Status.Label(),
        ReconciliationField.IdentificationYear => p.IdentificationYear?.ToString(CultureInfo.InvariantCulture) ?? Empty,
        ReconciliationField.ExitYear => p.ExitYear?.ToString(CultureInfo.InvariantCulture) ?? Empty,
        ReconciliationField.HouseholdSize => p.LivingMembers.ToString(CultureInfo.InvariantCulture),
        ReconciliationField.Category => p.Category?.Label() ?? Empty,
        ReconciliationField.MonitoringType => p.MonitoringType?.Label() ?? Empty,
        ReconciliationField.SchoolingStatus => p.SchoolingStatus.Label(),
        ReconciliationField.Disability => p.Health != HealthStatus.Disabled ? NotDisabled : GradeLabel(p.DisabilityGrade),
        ReconciliationField.BasicMedicalInsurance => p.HasBasicMedicalInsurance ? "是" : "否",
        _ => Empty,
    };

    /// <summary>Equal, except that a disability of unknown grade in the file agrees with any grade in the portal.</summary>
    public static bool Agree(ReconciliationField field, string portal, string file) =>
        string.Equals(portal, file, StringComparison.Ordinal)
        || (field == ReconciliationField.Disability && file == UnknownGrade && portal != NotDisabled);

    public static string GradeLabel(int? grade) => grade is int g ? $"残疾（{"一二三四"[g - 1]}级）" : UnknownGrade;

    /// <summary>残疾等级 as the 残联 writes it: 一级 … 四级, 1–4, 残疾二级, or just 残疾 (grade unknown); 非残疾/无 for none.</summary>
    public static string? Grade(string text)
    {
        var key = ResidentId.Normalize(text);
        if (key.Length == 0) return null;
        if (key is "非残疾" or "无" or "否") return NotDisabled;
        if (RegisterValues.TryParse(key, out HealthStatus health, out var grade))
        {
            return health == HealthStatus.Disabled ? GradeLabel(grade) : NotDisabled;
        }
        var digit = key.TrimEnd('级');
        var g = digit switch { "一" or "1" => 1, "二" or "2" => 2, "三" or "3" => 3, "四" or "4" => 4, _ => 0 };
        return g > 0 ? GradeLabel(g) : null;
    }

    /// <summary>The typed grade behind <see cref="GradeLabel"/>: (disabled, grade or null).</summary>
    public static (bool Disabled, int? Grade) ParseGrade(string label) =>
        label == NotDisabled ? (false, null)
        : label == UnknownGrade ? (true, null)
        : (true, "一二三四".IndexOf(label[3], StringComparison.Ordinal) + 1);

    private static bool? Insured(string text)
    {
        if (RegisterValues.TryParseYesNo(text, out var yes)) return yes;
        var key = ResidentId.Normalize(text);
        return key switch
        {
            "已参保" or "参保" or "正常参保" or "正常" or "参保缴费" or "已缴费" => true,
            "未参保" or "停保" or "中断" or "暂停参保" or "未缴费" or "终止参保" => false,
            _ => null,
        };
    }

    private static string NoSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}

/// <summary>One member of the register as the comparison reads it: a projection, never a tracked entity.</summary>
public sealed class PortalPerson
{
    public int MemberId { get; init; }
    public int HouseholdId { get; init; }
    public int TownshipId { get; init; }
    public int VillageId { get; init; }
    public required string ResidentId { get; init; }
    public required string Name { get; init; }
    public Relationship Relationship { get; init; }
    public SchoolingStatus SchoolingStatus { get; init; }
    public HealthStatus Health { get; init; }
    public int? DisabilityGrade { get; init; }
    public bool HasBasicMedicalInsurance { get; init; }
    public bool IsDeceased { get; init; }
    public required string HouseholdNumber { get; init; }
    public HouseholdStatus Status { get; init; }
    public PovertyCategory? Category { get; init; }
    public int? IdentificationYear { get; init; }
    public int? ExitYear { get; init; }
    public MonitoringType? MonitoringType { get; init; }
    public int LivingMembers { get; init; }
}
