using System.Text;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Documents.InspectionPlan;

/// <summary>
/// Turns <see cref="InspectionPlanData"/> into the 督导方案 in the structure of 范文第2篇: purpose, 一、时间和对象,
/// 二、人员安排, 三、检查内容 (the eight areas and their items), 四、方式方法, 五、工作要求, signature. Every figure
/// comes from the round; the fixed sentences are the portal's own.
/// </summary>
public static class InspectionPlanComposer
{
    public static string TitleOf(InspectionPlanData data) => data.Title.Contains(data.CountyName, StringComparison.Ordinal)
        ? data.Title
        : data.CountyName + data.Title;

    public static ReportDocument Compose(InspectionPlanData data)
    {
        var blocks = new List<DocumentBlock>
        {
            new Paragraph($"为检验{data.Year}年脱贫攻坚成果巩固和“两不愁三保障”落实情况，发现问题、推动整改，" +
                $"{data.CountyName}组织乡镇之间开展交叉检查。本轮共{N(data.Pairs.Count)}个检查组，每组由一个乡镇派出，" +
                "检查另一个乡镇，不检查本乡镇。具体安排如下。"),
        };
        var chapter = 0;
        void Chapter(string heading) => blocks.Add(new Heading(1, $"{ChineseFormat.Numeral(++chapter)}、{heading}"));

        Chapter("检查时间和对象");
        blocks.Add(new Paragraph(Schedule(data)));
        blocks.Add(Pairs(data));

        Chapter("人员安排");
        blocks.Add(new Paragraph("各检查组组长对本组检查工作负总责，副组长协助组长工作，成员按分工逐户、逐村检查并如实记录。"));
        var group = 0;
        foreach (var pair in data.Pairs)
        {
            blocks.Add(new Heading(2, $"（{ChineseFormat.Numeral(++group)}）{pair.InspectingTownship}检查组（检查{pair.InspectedTownship}）"));
            blocks.Add(new Paragraph(GroupText(pair.Group)));
        }

        Chapter("检查内容");
        blocks.Add(new Paragraph("检查组对照以下内容逐项检查，按户的内容对每一户抽查户填写，按村的内容对每个抽查村填写，" +
            "按乡镇的内容对被检查乡镇填写。"));
        var area = 0;
        foreach (var items in data.Checklist.GroupBy(i => i.Area).OrderBy(g => g.Key))
        {
            blocks.Add(new Heading(2, $"（{ChineseFormat.Numeral(++area)}）{AreaTitle(items.Key)}"));
            var number = 0;
            foreach (var item in items.OrderBy(i => i.Order))
            {
                blocks.Add(new NumberedItem($"{++number}.", ItemText(item)));
            }
        }

        Chapter("方式方法");
        blocks.Add(new NumberedItem("1.", "入户检查。检查组对抽查户逐户上门，对照检查内容核实情况；户内无人的，电话访问户主或家庭成员；" +
            "无法联系的，访问村干部，并在记录中注明访问方式。"));
        blocks.Add(new NumberedItem("2.", "专项检查。对按村、按乡镇的内容，查阅被检查乡镇和村的方案、台账和项目资料，实地查看项目和问题整改结果。"));
        blocks.Add(new NumberedItem("3.", "监督检查。对已销号的问题抽查整改质量，发现走过场、虚假整改、虚假销号的，一律重新列入问题整改台账。"));

        Chapter("工作要求");
        blocks.Add(new NumberedItem("1.", "压实责任。各乡镇主要负责人亲自部署，分管负责人具体协调，检查任务落实到每一名检查组成员。"));
        blocks.Add(new NumberedItem("2.", "如实记录。检查结果当天录入平台，不达标的项目写明具体情况；能当场整改的立行立改并留存佐证，" +
            "不能当场整改的转入问题整改台账，明确责任人和整改时限。"));
        blocks.Add(new NumberedItem("3.", "严守纪律。检查组成员不得向被检查乡镇透露抽查户名单，不得接受宴请，" +
            "对检查中获取的群众个人信息严格保密。发现重大问题及时向县级报告。"));

        blocks.Add(new SignatureBlock([data.IssuedBy, ChineseFormat.Date(data.IssuedOn)]));
        return new ReportDocument(TitleOf(data), blocks) { RunningHeader = TitleOf(data) };
    }

    private static string Schedule(InspectionPlanData data)
    {
        var when = data.StartDate == data.EndDate
            ? $"检查时间为{ChineseFormat.Date(data.StartDate)}。"
            : $"检查时间为{ChineseFormat.Date(data.StartDate)}至{ChineseFormat.Date(data.EndDate)}。";
        var text = new StringBuilder(when);
        text.Append($"每个被检查村抽取建档立卡户{N(data.Quota.Registered)}户、边缘户和监测户{N(data.Quota.Monitored)}户，" +
            "不足的全部检查；抽查户由平台随机抽取，尽量避开往轮已检查的户，检查前不对外公布。");
        if (data.Pairs.All(p => p.Sample is not null))
        {
            var villages = data.Pairs.Sum(p => p.Sample!.Villages);
            var registered = data.Pairs.Sum(p => p.Sample!.Registered);
            var monitored = data.Pairs.Sum(p => p.Sample!.Monitored);
            text.Append($"本轮共抽查{N(villages)}个村{N(registered + monitored)}户，其中建档立卡户{N(registered)}户、" +
                $"边缘户和监测户{N(monitored)}户，各组安排见下表。");
        }
        else
        {
            text.Append("各组检查对象见下表，抽查户数在抽样后填入。");
        }
        return text.ToString();
    }

    private static Table Pairs(InspectionPlanData data)
    {
        var rows = data.Pairs.Select(p => (IReadOnlyList<string>)
        [
            p.InspectingTownship, p.InspectedTownship, Leader(p.Group),
            p.Sample is { } s ? N(s.Villages) : "待抽样",
            p.Sample is { } r ? N(r.Registered) : "",
            p.Sample is { } m ? N(m.Monitored) : "",
            p.Sample is { } t ? N(t.Households) : "",
        ]).ToList();
        return new Table("检查组安排", ["检查组", "被检查乡镇", "组长", "抽查村", "建档立卡户", "边缘户和监测户", "合计"], rows)
        {
            ColumnWeights = [1.1f, 1.3f, 0.9f, 0.8f, 1.2f, 1.6f, 0.7f],
            NumericColumns = new HashSet<int> { 3, 4, 5, 6 },
        };
    }

    private static string Leader(IReadOnlyList<InspectionPlanMember> group) =>
        string.Join("、", group.Where(m => m.Role == GroupRole.Leader).Select(m => m.Name));

    /// <summary>"组长：某（单位）；副组长：…；成员：…。", as the plan and the inspection report name a group.</summary>
    internal static string GroupText(IReadOnlyList<InspectionPlanMember> group)
    {
        if (group.Count == 0) return "组员待定。";
        var parts = new List<string>();
        foreach (var role in new[] { GroupRole.Leader, GroupRole.DeputyLeader, GroupRole.Member })
        {
            var people = group.Where(m => m.Role == role).Select(m => string.IsNullOrWhiteSpace(m.Unit) ? m.Name : $"{m.Name}（{m.Unit}）").ToList();
            if (people.Count > 0) parts.Add($"{role.Label()}：{string.Join("、", people)}");
        }
        return string.Join("；", parts) + "。";
    }

    /// <summary>The heading of an area as the plan words it (the short label is what lists and filters show).</summary>
    public static string AreaTitle(ChecklistArea area) => area switch
    {
        ChecklistArea.AnnualTasks => "年度脱贫攻坚任务推进完成情况",
        ChecklistArea.ConsolidatingGains => "脱贫成果巩固提升情况",
        ChecklistArea.RelocationFollowUp => "易地扶贫搬迁后续扶持情况",
        ChecklistArea.FundManagement => "扶贫资金管理使用情况",
        ChecklistArea.VillageTeamWork => "驻村帮扶工作情况",
        ChecklistArea.RiskMonitoring => "返贫致贫监测预警和动态帮扶情况",
        ChecklistArea.RectificationClearance => "问题整改“清零”情况",
        ChecklistArea.RecordsMatch => "数据信息账账相符、账实相符情况",
        _ => area.Label(),
    };

    private static string ItemText(ChecklistItem item)
    {
        var text = new StringBuilder(item.Text.Trim().TrimEnd('。'));
        text.Append($"（{item.Per.Label()}检查，{AnswerWords(item.AnswerType)}）");
        text.Append('。');
        if (!string.IsNullOrWhiteSpace(item.Guidance)) text.Append(item.Guidance.Trim().TrimEnd('。')).Append('。');
        return text.ToString();
    }

    private static string AnswerWords(AnswerType type) => type switch
    {
        AnswerType.Compliance => "记达标、不达标或不适用",
        AnswerType.Number => "填写数值",
        AnswerType.Text => "填写情况说明",
        AnswerType.Photo => "拍照留存",
        _ => type.Label(),
    };

    private static string N(int value) => ChineseFormat.Count(value);
}
