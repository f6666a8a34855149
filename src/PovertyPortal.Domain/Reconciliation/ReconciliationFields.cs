using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Reconciliation;

/// <summary>What a file's column may say about a person or their household; the ID number is the key of the comparison.</summary>
public enum ReconciliationField
{
    ResidentId,
    Name,
    HouseholdNumber,
    Relationship,
    HouseholdStatus,
    IdentificationYear,
    ExitYear,
    HouseholdSize,
    Category,
    MonitoringType,
    SchoolingStatus,
    Disability,
    BasicMedicalInsurance,
}

/// <summary>
/// The fields each source can speak about, their Chinese names and the headers that name them in the files people get
/// (matched after full-width and white space are normalized), and which of them belong to the household.
/// </summary>
public static class ReconciliationFields
{
    public static string Label(this ReconciliationSourceKind kind) => kind switch
    {
        ReconciliationSourceKind.NationalExport => "国家防返贫监测信息系统导出",
        ReconciliationSourceKind.MedicalInsurance => "医保参保名单",
        ReconciliationSourceKind.CivilAffairs => "民政低保/特困名单",
        ReconciliationSourceKind.Education => "教育学籍名单",
        ReconciliationSourceKind.DisabledPersons => "残联残疾人名单",
        ReconciliationSourceKind.Other => "其他名单",
        _ => kind.ToString(),
    };

    public static string Label(this ReconciliationField field) => field switch
    {
        ReconciliationField.ResidentId => "身份证号",
        ReconciliationField.Name => "姓名",
        ReconciliationField.HouseholdNumber => "户编号",
        ReconciliationField.Relationship => "与户主关系",
        ReconciliationField.HouseholdStatus => "脱贫状态",
        ReconciliationField.IdentificationYear => "识别年度",
        ReconciliationField.ExitYear => "脱贫年度",
        ReconciliationField.HouseholdSize => "家庭人口",
        ReconciliationField.Category => "低保/特困类别",
        ReconciliationField.MonitoringType => "监测对象类别",
        ReconciliationField.SchoolingStatus => "在校情况",
        ReconciliationField.Disability => "残疾等级",
        ReconciliationField.BasicMedicalInsurance => "基本医疗保险",
        _ => field.ToString(),
    };

    /// <summary>The columns a file of this source must have.</summary>
    public static IReadOnlyList<ReconciliationField> Required { get; } = [ReconciliationField.ResidentId, ReconciliationField.Name];

    /// <summary>The fields a source of this kind can speak about, beyond the ID and the name; 其他名单 may map any.</summary>
    public static IReadOnlyList<ReconciliationField> Of(ReconciliationSourceKind kind) => kind switch
    {
        ReconciliationSourceKind.NationalExport =>
        [
            ReconciliationField.HouseholdNumber, ReconciliationField.Relationship, ReconciliationField.HouseholdStatus,
            ReconciliationField.IdentificationYear, ReconciliationField.ExitYear, ReconciliationField.HouseholdSize,
            ReconciliationField.Category, ReconciliationField.MonitoringType,
        ],
        ReconciliationSourceKind.MedicalInsurance => [ReconciliationField.BasicMedicalInsurance],
        ReconciliationSourceKind.CivilAffairs => [ReconciliationField.Category],
        ReconciliationSourceKind.Education => [ReconciliationField.SchoolingStatus],
        ReconciliationSourceKind.DisabledPersons => [ReconciliationField.Disability],
        _ => Enum.GetValues<ReconciliationField>().Where(f => f is not (ReconciliationField.ResidentId or ReconciliationField.Name)).ToList(),
    };

    /// <summary>ID, name and the kind's fields: what the mapping form lists.</summary>
    public static IReadOnlyList<ReconciliationField> Mappable(ReconciliationSourceKind kind) => [.. Required, .. Of(kind)];

    /// <summary>
    /// Fields of the household: compared once per household, applied through the household form's handler. 户编号 is
    /// compared person by person: a person listed under another household is a finding about that person.
    /// </summary>
    public static bool IsHouseholdLevel(this ReconciliationField field) => field is ReconciliationField.HouseholdStatus or ReconciliationField.IdentificationYear or ReconciliationField.ExitYear
        or ReconciliationField.HouseholdSize or ReconciliationField.Category or ReconciliationField.MonitoringType;

    /// <summary>
    /// 家庭人口 follows from the members, and a person under another 户编号 must be moved or the household renumbered on
    /// the household page, where the whole household is in view: neither is taken over from a file. A household's
    /// standing (status, years, monitoring) changes only through an approved procedure (decision 0031). The rest can be.
    /// </summary>
    public static bool CanApply(this ReconciliationField field) =>
        field is not (ReconciliationField.HouseholdSize or ReconciliationField.HouseholdNumber or ReconciliationField.ResidentId)
        && !field.IsStanding();

    /// <summary>The fields of a household's standing, changed only by an approved 识别/退出/监测 procedure.</summary>
    public static bool IsStanding(this ReconciliationField field) =>
        field is ReconciliationField.HouseholdStatus or ReconciliationField.IdentificationYear or ReconciliationField.ExitYear
            or ReconciliationField.MonitoringType;

    /// <summary>Health values: shown only to the roles that read health data, and never written into the ledger's text.</summary>
    public static bool IsHealth(this ReconciliationField field) => field == ReconciliationField.Disability;

    /// <summary>The headers that name each field, first the one the source's own files use.</summary>
    public static IReadOnlyList<string> Headers(ReconciliationField field) => field switch
    {
        ReconciliationField.ResidentId => ["身份证号", "身份证号码", "证件号码", "公民身份号码", "身份证件号码", "社会保障号码", "证件号", "身份证"],
        ReconciliationField.Name => ["姓名", "人员姓名", "成员姓名", "参保人姓名", "学生姓名", "残疾人姓名", "救助对象姓名"],
        ReconciliationField.HouseholdNumber => ["户编号", "户编码", "家庭编号", "户号"],
        ReconciliationField.Relationship => ["与户主关系"],
        ReconciliationField.HouseholdStatus => ["脱贫状态", "贫困户状态", "户状态", "脱贫(享受政策)状态"],
        ReconciliationField.IdentificationYear => ["识别年度", "识别时间", "建档立卡年度"],
        ReconciliationField.ExitYear => ["脱贫年度", "脱贫时间", "脱贫年份"],
        ReconciliationField.HouseholdSize => ["家庭人口", "家庭人口数", "家庭人数", "户人口数"],
        ReconciliationField.Category => ["低保/特困", "救助类别", "保障类别", "贫困户属性", "低保特困类别", "对象类别"],
        ReconciliationField.MonitoringType => ["监测对象类别", "监测类型"],
        ReconciliationField.SchoolingStatus => ["在校情况", "在校生状况", "就读学段", "学段", "在读情况"],
        ReconciliationField.Disability => ["残疾等级", "残疾级别", "等级"],
        ReconciliationField.BasicMedicalInsurance => ["基本医疗保险", "是否参加城乡居民基本医疗保险", "参保状态", "是否参保", "参保情况"],
        _ => [],
    };

    /// <summary>
    /// What a source says by listing a person at all when its column is absent or empty: the 医保 list lists the
    /// insured, the 残联 list the disabled (of unknown grade).
    /// </summary>
    public static string? ImpliedValue(ReconciliationSourceKind kind, ReconciliationField field) => (kind, field) switch
    {
        (ReconciliationSourceKind.MedicalInsurance, ReconciliationField.BasicMedicalInsurance) => "是",
        (ReconciliationSourceKind.DisabledPersons, ReconciliationField.Disability) => HealthStatus.Disabled.Label(),
        _ => null,
    };
}
