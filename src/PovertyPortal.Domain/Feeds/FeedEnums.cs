namespace PovertyPortal.Domain.Feeds;

/// <summary>The department whose monthly list (部门预警信息) a feed batch is.</summary>
public enum FeedDepartment
{
    /// <summary>医保: 大额医疗支出.</summary>
    MedicalInsurance,

    /// <summary>民政: 低保/特困变动.</summary>
    CivilAffairs,

    /// <summary>教育: 辍学.</summary>
    Education,

    /// <summary>残联: 新办或变更残疾证.</summary>
    DisabledPersons,

    /// <summary>应急: 受灾.</summary>
    Emergency,

    Other,
}

/// <summary>What a department's column may say; the ID number is the key of the match.</summary>
public enum FeedField
{
    ResidentId,
    Name,
    VillageCode,
    Village,
    Address,
    Amount,
    Date,
    Item,
    Note,
}

/// <summary>How a row of a department's list was matched against the register.</summary>
public enum FeedMatch
{
    /// <summary>在册: the ID is a member of a household in the register of the uploader's area.</summary>
    InRegister,

    /// <summary>在册外（本村）: not in the register, but the row's village is in the area — a possible new 监测对象.</summary>
    NearRegister,

    /// <summary>未匹配: neither; the row says why.</summary>
    Unmatched,
}

/// <summary>入户核实的结论.</summary>
public enum HomeCheckOutcome
{
    NoRisk,
    AlreadyMonitored,
    SuggestMonitoring,
    Other,
}

public static class FeedLabels
{
    public static string Label(this FeedDepartment department) => department switch
    {
        FeedDepartment.MedicalInsurance => "医保大额医疗支出",
        FeedDepartment.CivilAffairs => "民政低保变动",
        FeedDepartment.Education => "教育辍学",
        FeedDepartment.DisabledPersons => "残联残疾人信息",
        FeedDepartment.Emergency => "应急受灾",
        _ => "其他部门信息",
    };

    public static string Label(this FeedField field) => field switch
    {
        FeedField.ResidentId => "身份证号",
        FeedField.Name => "姓名",
        FeedField.VillageCode => "村代码",
        FeedField.Village => "所在村",
        FeedField.Address => "住址",
        FeedField.Amount => "金额",
        FeedField.Date => "日期",
        FeedField.Item => "事项",
        FeedField.Note => "备注",
        _ => field.ToString(),
    };

    public static string Label(this FeedMatch match) => match switch
    {
        FeedMatch.InRegister => "在册",
        FeedMatch.NearRegister => "本村未在册",
        _ => "未匹配",
    };

    public static string Label(this HomeCheckOutcome outcome) => outcome switch
    {
        HomeCheckOutcome.NoRisk => "无风险",
        HomeCheckOutcome.AlreadyMonitored => "已在监测",
        HomeCheckOutcome.SuggestMonitoring => "建议纳入监测",
        _ => "其他",
    };
}
