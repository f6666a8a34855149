using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Benefits;

/// <summary>
/// One program of the policy-benefit catalog (政策享受项目), grouped as the annual report groups them. The default
/// programs come with the database; system administrators add more or retire them.
/// </summary>
public class BenefitProgram : IAuditable
{
    public int Id { get; set; }

    /// <summary>A stable English code (IndustrySubsidy, Dibao …) for the defaults; admins' own programs get one too.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public BenefitGroup Group { get; set; }

    /// <summary>The unit a quantity is counted in (亩, 个月), when the program counts one.</summary>
    public string? Unit { get; set; }
    public int SortOrder { get; set; }
    public bool IsRetired { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>The groups of 三、政策落实情况 in the annual report: the five batches, then health, finance and solar.</summary>
public enum BenefitGroup
{
    ProductionSupport,
    Relocation,
    EcoCompensation,
    Education,
    SocialSecurity,
    HealthSupport,
    Finance,
    Solar,
}

public static class BenefitLabels
{
    public static string Label(this BenefitGroup group) => group switch
    {
        BenefitGroup.ProductionSupport => "发展生产脱贫一批",
        BenefitGroup.Relocation => "易地搬迁脱贫一批",
        BenefitGroup.EcoCompensation => "生态补偿脱贫一批",
        BenefitGroup.Education => "发展教育脱贫一批",
        BenefitGroup.SocialSecurity => "社会保障兜底一批",
        BenefitGroup.HealthSupport => "健康扶贫",
        BenefitGroup.Finance => "金融扶贫",
        BenefitGroup.Solar => "光伏扶贫",
        _ => group.ToString(),
    };

    /// <summary>The code of the microloan program: its lines come from the loans, not from benefit records.</summary>
    public const string MicroloanCode = "Microloan";

    /// <summary>The catalog a new database starts with (ids fixed so the data can be part of the model).</summary>
    public static IReadOnlyList<(int Id, string Code, string Name, BenefitGroup Group, string? Unit)> Defaults { get; } =
    [
        (1, "IndustrySubsidy", "产业发展奖补", BenefitGroup.ProductionSupport, "亩"),
        (2, "Relocation", "易地扶贫搬迁", BenefitGroup.Relocation, null),
        (3, "EcoForestSubsidy", "生态林补助", BenefitGroup.EcoCompensation, "亩"),
        (4, "PublicWelfarePost", "公益性岗位", BenefitGroup.EcoCompensation, "个月"),
        (5, "YuluPlan", "雨露计划", BenefitGroup.Education, null),
        (6, "SchoolBusSubsidy", "校车补助", BenefitGroup.Education, null),
        (7, "StudentLivingAllowance", "生活补助", BenefitGroup.Education, null),
        (8, "Dibao", "低保", BenefitGroup.SocialSecurity, null),
        (9, "Tekun", "特困供养", BenefitGroup.SocialSecurity, null),
        (10, "InsurancePremiumWaiver", "医保代缴", BenefitGroup.HealthSupport, null),
        (11, "SupplementaryInsurance", "补充医疗保险/意外伤害保险", BenefitGroup.HealthSupport, null),
        (12, "HospitalReimbursement", "住院报销", BenefitGroup.HealthSupport, null),
        (13, MicroloanCode, "小额信贷", BenefitGroup.Finance, null),
        (14, "SolarIncome", "光伏扶贫收益", BenefitGroup.Solar, null),
        (15, "DisabilitySubsidy", "残疾人两项补贴", BenefitGroup.SocialSecurity, null),
    ];
}
