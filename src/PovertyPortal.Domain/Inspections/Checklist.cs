using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Inspections;

/// <summary>
/// One item of a county's checklist template (检查清单模板). A round copies the template when it is created and edits
/// its copy, so changing the template never changes a round already planned or answered.
/// </summary>
public class ChecklistTemplateItem : IAuditable, IChecklistEntry
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public ChecklistArea Area { get; set; }

    /// <summary>Order within the area, from 1.</summary>
    public int Order { get; set; }
    public required string Text { get; set; }

    /// <summary>What the inspector looks at or asks, shown under the item.</summary>
    public string? Guidance { get; set; }
    public CheckedPer Per { get; set; }
    public AnswerType AnswerType { get; set; }

    /// <summary>Kept for the rounds that copied it; a retired item is not copied into new rounds.</summary>
    public bool IsRetired { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>One item of a round's checklist: a copy of a template item, or one added to the round alone.</summary>
public class ChecklistItem : IChecklistEntry
{
    public int Id { get; set; }
    public int InspectionRoundId { get; set; }
    public int CountyId { get; set; }

    /// <summary>The template item it was copied from; null for an item added to this round only.</summary>
    public int? TemplateItemId { get; set; }
    public ChecklistArea Area { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
    public string? Guidance { get; set; }
    public CheckedPer Per { get; set; }
    public AnswerType AnswerType { get; set; }

    /// <summary>"一、年度任务推进 3." as the plan and the report number it.</summary>
    public string Number => $"{Checklists.AreaNumeral(Area)}.{Order}";
}

/// <summary>What a template item and a round's item both say, so that one editor and one save serve both.</summary>
public interface IChecklistEntry
{
    ChecklistArea Area { get; set; }
    int Order { get; set; }
    string Text { get; set; }
    string? Guidance { get; set; }
    CheckedPer Per { get; set; }
    AnswerType AnswerType { get; set; }
}

/// <summary>The template's rules: the copy into a round, the checks of an edited list, and the county's first template.</summary>
public static class Checklists
{
    /// <summary>Copies the template's items that are not retired into a round, in area and item order.</summary>
    public static List<ChecklistItem> CopyForRound(IEnumerable<ChecklistTemplateItem> template, int roundId, int countyId) =>
        template.Where(t => !t.IsRetired && t.CountyId == countyId)
            .OrderBy(t => t.Area).ThenBy(t => t.Order).ThenBy(t => t.Id)
            .Select(t => new ChecklistItem
            {
                InspectionRoundId = roundId, CountyId = countyId, TemplateItemId = t.Id == 0 ? null : t.Id,
                Area = t.Area, Order = t.Order, Text = t.Text, Guidance = t.Guidance, Per = t.Per, AnswerType = t.AnswerType,
            })
            .ToList();

    /// <summary>The Chinese ordinal of an area as the plan numbers its sections (一 … 八).</summary>
    public static string AreaNumeral(ChecklistArea area) => "一二三四五六七八"[(int)area].ToString();

    /// <summary>
    /// Checks an edited checklist: every item has text, no two items of an area share a number, and a round that
    /// samples households has at least one household item (otherwise the sample would have nothing to answer).
    /// </summary>
    public static IReadOnlyList<string> Validate(IReadOnlyList<ChecklistItem> items)
    {
        var errors = new List<string>();
        if (items.Count == 0) errors.Add("检查清单不能为空");
        foreach (var item in items.Where(i => string.IsNullOrWhiteSpace(i.Text)))
            errors.Add($"{item.Area.Label()}第{item.Order}项没有填写检查内容");
        foreach (var clash in items.GroupBy(i => (i.Area, i.Order)).Where(g => g.Count() > 1))
            errors.Add($"{clash.Key.Area.Label()}有{clash.Count()}项序号都是{clash.Key.Order}");
        if (items.Count > 0 && !items.Any(i => i.Per == CheckedPer.Household))
            errors.Add("检查清单至少应有一项按户检查的内容");
        return errors;
    }

    /// <summary>
    /// The template a county starts from: the eight areas of the plan, each with the items a township inspecting
    /// another typically checks. Written in the portal's own words; the county edits it to its year's priorities.
    /// </summary>
    public static List<ChecklistTemplateItem> DefaultTemplate(int countyId)
    {
        var items = new List<ChecklistTemplateItem>();
        void Add(ChecklistArea area, CheckedPer per, AnswerType type, string text, string? guidance = null) =>
            items.Add(new ChecklistTemplateItem
            {
                CountyId = countyId, Area = area, Order = items.Count(i => i.Area == area) + 1,
                Text = text, Guidance = guidance, Per = per, AnswerType = type,
            });

        Add(ChecklistArea.AnnualTasks, CheckedPer.Household, AnswerType.Compliance, "家庭人均纯收入达到当年脱贫标准",
            "按近12个月实际收入测算，重点核实务工和产业收入");
        Add(ChecklistArea.AnnualTasks, CheckedPer.Household, AnswerType.Number, "测算家庭人均纯收入（元）");
        Add(ChecklistArea.AnnualTasks, CheckedPer.Township, AnswerType.Compliance, "年度扶贫专项按计划推进",
            "对照年度专项实施方案逐项核对进度");

        Add(ChecklistArea.ConsolidatingGains, CheckedPer.Household, AnswerType.Compliance, "义务教育阶段子女均在校，无因贫辍学");
        Add(ChecklistArea.ConsolidatingGains, CheckedPer.Household, AnswerType.Compliance, "家庭成员均参加基本医疗保险，慢病签约和报销政策落实");
        Add(ChecklistArea.ConsolidatingGains, CheckedPer.Household, AnswerType.Compliance, "住房安全有保障");
        Add(ChecklistArea.ConsolidatingGains, CheckedPer.Household, AnswerType.Compliance, "饮水安全，水质水量达标");
        Add(ChecklistArea.ConsolidatingGains, CheckedPer.Household, AnswerType.Compliance, "通生活用电，能收看广播电视");
        Add(ChecklistArea.ConsolidatingGains, CheckedPer.Village, AnswerType.Compliance, "通村硬化路、文化室、卫生室、通信网络正常使用");
        Add(ChecklistArea.ConsolidatingGains, CheckedPer.Village, AnswerType.Number, "村集体经济年收入（元）");

        Add(ChecklistArea.RelocationFollowUp, CheckedPer.Household, AnswerType.Compliance, "搬迁户已实际入住安置房",
            "不适用于未搬迁户");
        Add(ChecklistArea.RelocationFollowUp, CheckedPer.Household, AnswerType.Compliance, "搬迁户后续产业、就业扶持已落实");
        Add(ChecklistArea.RelocationFollowUp, CheckedPer.Township, AnswerType.Compliance, "安置点配套设施完善，旧宅基地已拆旧复垦");

        Add(ChecklistArea.FundManagement, CheckedPer.Township, AnswerType.Compliance, "项目库规范，项目按计划实施并公示，资金拨付及时");
        Add(ChecklistArea.FundManagement, CheckedPer.Township, AnswerType.Compliance, "涉农资金整合程序完整");
        Add(ChecklistArea.FundManagement, CheckedPer.Household, AnswerType.Compliance, "小额信贷户贷户用，按期还款",
            "不适用于无贷款户");

        Add(ChecklistArea.VillageTeamWork, CheckedPer.Village, AnswerType.Compliance, "驻村工作队在岗履职，执行驻村规定");
        Add(ChecklistArea.VillageTeamWork, CheckedPer.Household, AnswerType.Compliance, "户主认识帮扶责任人，帮扶措施到户");

        Add(ChecklistArea.RiskMonitoring, CheckedPer.Household, AnswerType.Compliance, "存在返贫致贫风险的家庭已纳入监测并落实帮扶");
        Add(ChecklistArea.RiskMonitoring, CheckedPer.Village, AnswerType.Text, "本村监测对象识别和帮扶情况");

        Add(ChecklistArea.RectificationClearance, CheckedPer.Township, AnswerType.Compliance, "历年存量、考核增量、自查变量问题均已制定措施并落实责任");
        Add(ChecklistArea.RectificationClearance, CheckedPer.Village, AnswerType.Compliance, "抽查的已销号问题整改真实有效");

        Add(ChecklistArea.RecordsMatch, CheckedPer.Household, AnswerType.Compliance, "户信息与系统数据一致（账实相符）",
            "核对家庭人口、收入、享受政策");
        Add(ChecklistArea.RecordsMatch, CheckedPer.Household, AnswerType.Photo, "门牌及明白卡照片");
        Add(ChecklistArea.RecordsMatch, CheckedPer.Township, AnswerType.Compliance, "乡、村、户档案资料完整，台账与系统一致（账账相符）");
        return items;
    }
}
