using System.Text;
using PovertyPortal.Documents.InspectionPlan;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Documents.InspectionReport;

/// <summary>
/// Turns <see cref="InspectionReportData"/> into the 检查情况报告 an inspecting group hands in for the township it
/// inspected: 一、检查组织, 二、抽查情况, 三、检查结果 (the eight areas), 四、发现的问题, 五、整改要求, signature. Every
/// figure comes from the pair's sample, answers and findings; the fixed sentences are the portal's own.
/// </summary>
public static class InspectionReportComposer
{
    public static string TitleOf(InspectionReportData data) =>
        $"{data.InspectingTownship}检查组关于{data.InspectedTownship}交叉检查情况的报告";

    public static ReportDocument Compose(InspectionReportData data)
    {
        var title = TitleOf(data);
        var round = data.RoundTitle.Contains(data.CountyName, StringComparison.Ordinal) ? data.RoundTitle : data.CountyName + data.RoundTitle;
        var blocks = new List<DocumentBlock>
        {
            new Paragraph($"根据《{round}》安排，{data.InspectingTownship}检查组{When(data)}对{data.InspectedTownship}开展交叉检查。" +
                "现将检查情况报告如下。"),
        };
        var chapter = 0;
        void Chapter(string heading) => blocks.Add(new Heading(1, $"{ChineseFormat.Numeral(++chapter)}、{heading}"));

        Chapter("检查组织");
        blocks.Add(new Paragraph(GroupText(data)));

        Chapter("抽查情况");
        blocks.Add(new Paragraph(SampleText(data.Sample)));

        Chapter("检查结果");
        var answers = data.Areas.Sum(a => a.Answers);
        if (answers == 0)
        {
            blocks.Add(new Paragraph("检查组尚未录入检查结果。"));
        }
        else
        {
            var compliance = data.Areas.Sum(a => a.Met + a.NotMet + a.NotApplicable);
            blocks.Add(new Paragraph($"检查组对照检查清单共录入检查结果{N(answers)}项，其中判定达标与否的{N(compliance)}项：" +
                $"达标{N(data.Areas.Sum(a => a.Met))}项，不达标{N(data.Areas.Sum(a => a.NotMet))}项，不适用{N(data.Areas.Sum(a => a.NotApplicable))}项。" +
                WeakestArea(data.Areas) + "各领域情况见下表。"));
        }
        blocks.Add(AreaTable(data.Areas));

        Chapter("发现的问题");
        if (data.Findings.Count == 0)
        {
            blocks.Add(new Paragraph(answers == 0 ? "尚无检查结果，未发现问题。" : "本次检查未发现不达标问题。"));
        }
        else
        {
            blocks.Add(new Paragraph(FindingsText(data.Findings)));
            blocks.Add(FindingsTable(data.Findings));
        }

        Chapter("整改要求");
        blocks.AddRange(Requirements(data));

        blocks.Add(new SignatureBlock([$"{data.InspectingTownship}交叉检查组", ChineseFormat.Date(data.ReportedOn)]));
        return new ReportDocument(title, blocks) { RunningHeader = title };
    }

    private static string When(InspectionReportData data) => data.StartDate == data.EndDate
        ? $"于{ChineseFormat.Date(data.StartDate)}"
        : $"于{ChineseFormat.Date(data.StartDate)}至{ChineseFormat.Date(data.EndDate)}";

    private static string GroupText(InspectionReportData data) =>
        $"本次检查由{data.InspectingTownship}派出检查组" +
        (data.Group.Count == 0 ? "，组员未在平台登记。" : $"，共{N(data.Group.Count)}人。{InspectionPlanComposer.GroupText(data.Group)}") +
        "检查组按督导方案逐户、逐村检查，检查结果当场录入平台。";

    private static string SampleText(InspectionReportSample s)
    {
        if (s.Households == 0) return "本轮尚未抽取检查户。";
        var text = new StringBuilder($"平台随机抽取{N(s.Villages)}个村{N(s.Households)}户，其中建档立卡户{N(s.Registered)}户、" +
            $"边缘户和监测户{N(s.Monitored)}户。");
        if (s.Done == 0)
        {
            text.Append("检查组尚未完成任何一户的检查。");
            return text.ToString();
        }
        text.Append($"已完成检查{N(s.Done)}户，完成率{ChineseFormat.Percent((decimal)s.Done / s.Households)}");
        var modes = new List<string>();
        if (s.InPerson > 0) modes.Add($"入户检查{N(s.InPerson)}户");
        if (s.Phone > 0) modes.Add($"户内无人、电话访问{N(s.Phone)}户");
        if (s.VillageCadre > 0) modes.Add($"无法联系、访问村干部{N(s.VillageCadre)}户");
        if (modes.Count > 0) text.Append($"，其中{string.Join("，", modes)}");
        text.Append(s.Done < s.Households ? $"；尚有{N(s.Households - s.Done)}户未完成。" : "；抽查户已全部完成。");
        return text.ToString();
    }

    private static string WeakestArea(IReadOnlyList<InspectionReportArea> areas)
    {
        var worst = areas.Where(a => a.NotMet > 0).OrderByDescending(a => a.NotMet).ThenBy(a => a.Area).ToList();
        if (worst.Count == 0) return "";
        var first = worst[0];
        return worst.Count == 1
            ? $"不达标集中在{InspectionPlanComposer.AreaTitle(first.Area)}。"
            : $"不达标项最多的是{InspectionPlanComposer.AreaTitle(first.Area)}（{N(first.NotMet)}项），共涉及{N(worst.Count)}个领域。";
    }

    private static Table AreaTable(IReadOnlyList<InspectionReportArea> areas)
    {
        var rows = areas.Select(a => (IReadOnlyList<string>)
            [$"{Checklists.AreaNumeral(a.Area)}、{a.Area.Label()}", N(a.Items), N(a.Answers), N(a.Met), N(a.NotMet), N(a.NotApplicable)]).ToList();
        rows.Add(["合计", N(areas.Sum(a => a.Items)), N(areas.Sum(a => a.Answers)), N(areas.Sum(a => a.Met)),
            N(areas.Sum(a => a.NotMet)), N(areas.Sum(a => a.NotApplicable))]);
        return new Table("各领域检查结果（单位：项）", ["检查领域", "检查项目", "录入结果", "达标", "不达标", "不适用"], rows)
        {
            ColumnWeights = [2.6f, 1f, 1f, 0.8f, 0.9f, 0.9f],
            NumericColumns = new HashSet<int> { 1, 2, 3, 4, 5 },
        };
    }

    private static string FindingsText(IReadOnlyList<InspectionReportFinding> findings)
    {
        var fixedOnSpot = findings.Count(f => f.Disposition == FindingDisposition.FixedOnTheSpot);
        var sent = findings.Count(f => f.Disposition == FindingDisposition.SentToLedger);
        var open = findings.Count(f => f.Disposition == FindingDisposition.Open);
        var parts = new List<string>();
        if (fixedOnSpot > 0) parts.Add($"立行立改{N(fixedOnSpot)}个");
        if (sent > 0) parts.Add($"转入问题整改台账{N(sent)}个");
        if (open > 0) parts.Add($"尚待处理{N(open)}个");
        var households = findings.Where(f => f.HouseholdNumber is not null).Select(f => f.HouseholdNumber).Distinct().Count();
        var where = households > 0 ? $"，涉及{N(households)}户" : "";
        return $"检查发现不达标问题{N(findings.Count)}个{where}，其中{string.Join("、", parts)}。逐项列示如下。";
    }

    private static Table FindingsTable(IReadOnlyList<InspectionReportFinding> findings)
    {
        // No 序号 column: the type area is narrow, and a household number needs its width to stay on one line.
        var rows = findings.Select(f => (IReadOnlyList<string>)
        [
            f.Area.Label(), f.ItemText, f.Village ?? "乡镇本级", f.HouseholdNumber ?? "", f.Description, Disposition(f),
        ]).ToList();
        return new Table("发现问题清单", ["检查领域", "检查项目", "村", "户编号", "问题描述", "处理方式"], rows)
        {
            ColumnWeights = [1.15f, 1.4f, 1.1f, 2.65f, 1.6f, 1.3f],
        };
    }

    /// <summary>How a finding was dealt with, as the report's table says it.</summary>
    public static string Disposition(InspectionReportFinding finding) => finding.Disposition switch
    {
        FindingDisposition.FixedOnTheSpot => "立行立改",
        FindingDisposition.SentToLedger => finding.ProblemId is int id ? $"转入整改台账（问题编号{id}）" : "转入整改台账",
        _ => "待处理",
    };

    private static IEnumerable<DocumentBlock> Requirements(InspectionReportData data)
    {
        var sent = data.Findings.Count(f => f.Disposition == FindingDisposition.SentToLedger);
        var open = data.Findings.Count(f => f.Disposition == FindingDisposition.Open);
        var number = 0;
        if (sent > 0)
        {
            yield return new NumberedItem($"{++number}.", $"转入问题整改台账的{N(sent)}个问题，由{data.InspectedTownship}按台账明确的责任单位、" +
                "责任人和整改时限逐项整改，整改完成后上传佐证，经核验后销号；县级在销号后组织回头看。");
        }
        if (data.Findings.Any(f => f.Disposition == FindingDisposition.FixedOnTheSpot))
        {
            yield return new NumberedItem($"{++number}.", "立行立改的问题已当场整改，佐证材料留存于平台，被检查乡镇举一反三，" +
                "对同类问题开展自查。");
        }
        if (open > 0)
        {
            yield return new NumberedItem($"{++number}.", $"尚待处理的{N(open)}个问题，检查组在检查结束前确定立行立改或转入问题整改台账，不得搁置。");
        }
        if (data.Sample.Households > data.Sample.Done)
        {
            yield return new NumberedItem($"{++number}.", $"未完成检查的{N(data.Sample.Households - data.Sample.Done)}户，检查组在" +
                $"{ChineseFormat.Date(data.EndDate)}前完成并录入平台。");
        }
        yield return new NumberedItem($"{++number}.", $"{data.InspectedTownship}对照本报告和检查清单，全面梳理年度任务推进、" +
            "成果巩固和数据质量方面的薄弱环节，完善工作台账，确保账账相符、账实相符。");
    }

    private static string N(int value) => ChineseFormat.Count(value);
}
