namespace PovertyPortal.Domain.Households;

/// <summary>贫困户属性.</summary>
public enum PovertyCategory
{
    General,
    Dibao,
    Tekun,
}

/// <summary>致贫原因.</summary>
public enum PovertyCause
{
    Illness,
    Disability,
    Schooling,
    Disaster,
    LackOfLand,
    LackOfWater,
    LackOfSkills,
    LackOfLabour,
    LackOfCapital,
    PoorTransport,
    LackOfDrive,
}

/// <summary>贫困户状态: where the household stands in its registration history.</summary>
public enum HouseholdStatus
{
    /// <summary>Not registered poor; kept because it is monitored (边缘户, 突发严重困难户).</summary>
    NotRegistered,
    Identified,
    Exited,
    Returned,
    Removed,
}

/// <summary>防止返贫监测对象类别.</summary>
public enum MonitoringType
{
    UnstableExited,
    Marginal,
    SuddenHardship,
}

/// <summary>与户主关系.</summary>
public enum Relationship
{
    Head,
    Spouse,
    Son,
    Daughter,
    Father,
    Mother,
    Grandson,
    Granddaughter,
    DaughterInLaw,
    SonInLaw,
    Sibling,
    Other,
}

public enum Gender
{
    Male,
    Female,
}

/// <summary>在校生状况.</summary>
public enum SchoolingStatus
{
    NotInSchool,
    Preschool,
    Primary,
    JuniorHigh,
    SeniorHigh,
    Vocational,
    College,
    DroppedOut,
}

/// <summary>健康状况.</summary>
public enum HealthStatus
{
    Healthy,
    ChronicIllness,
    SeriousIllness,
    Disabled,
}

/// <summary>劳动技能.</summary>
public enum LabourAbility
{
    Ordinary,
    Skilled,
    WeakOrPartial,
    Lost,
    None,
}

/// <summary>The Chinese words the users know, one per code value (../shared/GLOSSARY.md).</summary>
public static class HouseholdLabels
{
    /// <summary>The label of any enum value of the register, for generic lists and selects.</summary>
    public static string LabelOf(Enum value) => value switch
    {
        PovertyCategory v => v.Label(),
        PovertyCause v => v.Label(),
        HouseholdStatus v => v.Label(),
        MonitoringType v => v.Label(),
        Relationship v => v.Label(),
        Gender v => v.Label(),
        SchoolingStatus v => v.Label(),
        HealthStatus v => v.Label(),
        LabourAbility v => v.Label(),
        _ => value.ToString(),
    };

    public static string Label(this PovertyCategory value) => value switch
    {
        PovertyCategory.General => "一般贫困户",
        PovertyCategory.Dibao => "低保贫困户",
        PovertyCategory.Tekun => "特困供养贫困户",
        _ => value.ToString(),
    };

    public static string Label(this PovertyCause value) => value switch
    {
        PovertyCause.Illness => "因病",
        PovertyCause.Disability => "因残",
        PovertyCause.Schooling => "因学",
        PovertyCause.Disaster => "因灾",
        PovertyCause.LackOfLand => "缺土地",
        PovertyCause.LackOfWater => "缺水",
        PovertyCause.LackOfSkills => "缺技术",
        PovertyCause.LackOfLabour => "缺劳力",
        PovertyCause.LackOfCapital => "缺资金",
        PovertyCause.PoorTransport => "交通条件落后",
        PovertyCause.LackOfDrive => "自身发展动力不足",
        _ => value.ToString(),
    };

    public static string Label(this HouseholdStatus value) => value switch
    {
        HouseholdStatus.NotRegistered => "非建档立卡户",
        HouseholdStatus.Identified => "未脱贫",
        HouseholdStatus.Exited => "已脱贫",
        HouseholdStatus.Returned => "返贫",
        HouseholdStatus.Removed => "已清退",
        _ => value.ToString(),
    };

    public static string Label(this MonitoringType value) => value switch
    {
        MonitoringType.UnstableExited => "脱贫不稳定户",
        MonitoringType.Marginal => "边缘易致贫户",
        MonitoringType.SuddenHardship => "突发严重困难户",
        _ => value.ToString(),
    };

    public static string Label(this Relationship value) => value switch
    {
        Relationship.Head => "户主",
        Relationship.Spouse => "配偶",
        Relationship.Son => "之子",
        Relationship.Daughter => "之女",
        Relationship.Father => "之父",
        Relationship.Mother => "之母",
        Relationship.Grandson => "之孙子",
        Relationship.Granddaughter => "之孙女",
        Relationship.DaughterInLaw => "之儿媳",
        Relationship.SonInLaw => "之女婿",
        Relationship.Sibling => "兄弟姐妹",
        Relationship.Other => "其他",
        _ => value.ToString(),
    };

    public static string Label(this Gender value) => value == Gender.Male ? "男" : "女";

    public static string Label(this SchoolingStatus value) => value switch
    {
        SchoolingStatus.NotInSchool => "非在校",
        SchoolingStatus.Preschool => "学前",
        SchoolingStatus.Primary => "小学",
        SchoolingStatus.JuniorHigh => "初中",
        SchoolingStatus.SeniorHigh => "高中",
        SchoolingStatus.Vocational => "中职",
        SchoolingStatus.College => "大专及以上",
        SchoolingStatus.DroppedOut => "辍学",
        _ => value.ToString(),
    };

    public static string Label(this HealthStatus value) => value switch
    {
        HealthStatus.Healthy => "健康",
        HealthStatus.ChronicIllness => "长期慢性病",
        HealthStatus.SeriousIllness => "大病",
        HealthStatus.Disabled => "残疾",
        _ => value.ToString(),
    };

    public static string Label(this LabourAbility value) => value switch
    {
        LabourAbility.Ordinary => "普通劳动力",
        LabourAbility.Skilled => "技能劳动力",
        LabourAbility.WeakOrPartial => "弱劳动力或半劳动力",
        LabourAbility.Lost => "丧失劳动力",
        LabourAbility.None => "无劳动力",
        _ => value.ToString(),
    };
}
