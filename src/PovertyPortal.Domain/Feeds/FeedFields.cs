namespace PovertyPortal.Domain.Feeds;

/// <summary>The columns of the departments' lists: their Chinese names and the headers that name them in the files people get.</summary>
public static class FeedFields
{
    public static IReadOnlyList<FeedField> All { get; } = Enum.GetValues<FeedField>();

    /// <summary>The columns a list must have: without the ID nothing is matched, without the name nobody is visited.</summary>
    public static IReadOnlyList<FeedField> Required { get; } = [FeedField.ResidentId, FeedField.Name];

    /// <summary>The headers that name each field, the departments' own first; the item's and amount's differ by department.</summary>
    public static IReadOnlyList<string> Headers(FeedField field) => field switch
    {
        FeedField.ResidentId => ["身份证号", "身份证号码", "证件号码", "公民身份号码", "身份证件号码", "社会保障号码", "证件号", "身份证"],
        FeedField.Name => ["姓名", "人员姓名", "参保人姓名", "患者姓名", "救助对象姓名", "学生姓名", "残疾人姓名", "受灾人姓名", "户主姓名"],
        FeedField.VillageCode => ["村代码", "行政区划代码", "区划代码", "村（社区）代码", "村居代码"],
        FeedField.Village => ["所在村", "村（社区）", "村社区", "行政村", "村居", "村名", "所属村"],
        FeedField.Address => ["住址", "家庭住址", "居住地址", "户籍地址", "地址", "家庭地址"],
        FeedField.Amount => ["金额", "医疗总费用", "总费用", "个人自付", "自付金额", "救助金额", "损失金额", "直接经济损失", "保障金额"],
        FeedField.Date => ["日期", "结算日期", "出院日期", "变动日期", "受灾日期", "辍学日期", "发证日期", "变更日期"],
        FeedField.Item => ["事项", "变动类型", "变动情况", "疾病名称", "主要诊断", "灾种", "受灾情况", "辍学原因", "残疾类别", "项目"],
        FeedField.Note => ["备注", "说明"],
        _ => [],
    };

    /// <summary>
    /// The item of the 医保 and 残联 lists is a diagnosis or a kind of disability: health data, kept encrypted and shown
    /// only to those who read health data (decision 0014). The amount and the date are not.
    /// </summary>
    public static bool ItemIsHealth(FeedDepartment department) => department is FeedDepartment.MedicalInsurance or FeedDepartment.DisabledPersons;
}
