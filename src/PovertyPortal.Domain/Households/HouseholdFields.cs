using System.Globalization;

namespace PovertyPortal.Domain.Households;

/// <summary>The Chinese names of the household's and member's fields, and how their values read in the change history.</summary>
public static class HouseholdFields
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        [nameof(Household.HouseholdNumber)] = "户编号",
        [nameof(Household.VillageGroupId)] = "村民小组",
        [nameof(Household.Address)] = "住址",
        [nameof(Household.Phone)] = "联系电话",
        [nameof(Household.Category)] = "贫困户属性",
        [nameof(Household.PrimaryCause)] = "主要致贫原因",
        [nameof(Household.SecondaryCause)] = "次要致贫原因",
        [nameof(Household.IdentificationYear)] = "识别年度",
        [nameof(Household.Status)] = "贫困户状态",
        [nameof(Household.ExitYear)] = "脱贫年度",
        [nameof(Household.IsRelocated)] = "是否易地搬迁户",
        [nameof(Household.RelocationSite)] = "安置点",
        [nameof(Household.Latitude)] = "纬度",
        [nameof(Household.Longitude)] = "经度",
        [nameof(Household.MonitoringType)] = "监测对象类别",
        [nameof(Household.MonitoringIdentifiedOn)] = "纳入监测日期",
        [nameof(Household.RiskEliminatedOn)] = "风险消除日期",
        ["Members"] = "家庭成员",
        [nameof(Member.Name)] = "姓名",
        [nameof(Member.ResidentId)] = "证件号码",
        [nameof(Member.Relationship)] = "与户主关系",
        [nameof(Member.Gender)] = "性别",
        [nameof(Member.BirthDate)] = "出生日期",
        [nameof(Member.Ethnicity)] = "民族",
        [nameof(Member.EducationLevel)] = "文化程度",
        [nameof(Member.SchoolingStatus)] = "在校生状况",
        [nameof(Member.Health)] = "健康状况",
        [nameof(Member.DisabilityGrade)] = "残疾等级",
        [nameof(Member.LabourAbility)] = "劳动技能",
        [nameof(Member.MigrantWorkPlace)] = "务工地点",
        [nameof(Member.MigrantWorkMonths)] = "务工时间(月)",
        [nameof(Member.HasBasicMedicalInsurance)] = "参加城乡居民基本医疗保险",
        [nameof(Member.HasSeriousIllnessInsurance)] = "参加大病保险",
        [nameof(Member.HasPensionInsurance)] = "参加城乡居民基本养老保险",
        [nameof(Member.IsDeceased)] = "已故",
        [nameof(Member.DeceasedOn)] = "死亡日期",
    };

    /// <summary>Fields never written to the history in clear.</summary>
    private static readonly HashSet<string> Masked = [nameof(Member.ResidentId), nameof(Household.Phone)];

    /// <summary>Bookkeeping fields that are not the user's data.</summary>
    private static readonly HashSet<string> NotTracked =
    [
        "Id", "Version", "CreatedAt", "CreatedBy", "UpdatedAt", "UpdatedBy", "CountyId", "TownshipId", "VillageId",
        "HouseholdId", nameof(Member.ResidentIdTail),
    ];

    public static bool IsTracked(string field) => !NotTracked.Contains(field);

    public static string Label(string field) => Labels.GetValueOrDefault(field, field);

    /// <summary>A value as the user reads it, in history and in messages: Chinese labels, dates as yyyy-MM-dd, 是/否, masked IDs and phones.</summary>
    public static string? Display(string field, object? value)
    {
        if (value is null) return null;
        if (Masked.Contains(field)) return value is string s ? MaskValue(field, s) : "***";
        return value switch
        {
            bool b => b ? "是" : "否",
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
            Enum e => HouseholdLabels.LabelOf(e),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
    }

    /// <summary>138****5678 for phones; the ResidentId mask for ID numbers.</summary>
    public static string MaskValue(string field, string value) =>
        field == nameof(Household.Phone) ? MaskPhone(value) : ResidentId.Mask(value);

    /// <summary>138****5678: the first three and last four digits stay, as officials read phone numbers back.</summary>
    public static string MaskPhone(string value) =>
        value.Length >= 7 ? string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4)) : "****";
}
