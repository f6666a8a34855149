using System.Globalization;
using System.Text;
using PovertyPortal.Documents.Rendering;

namespace PovertyPortal.Documents.PerformanceReport;

/// <summary>
/// Turns <see cref="PerformanceReportData"/> into the document of 范文第1篇: title, 一、村基本情况, 二、工作落实情况,
/// 三、政策落实情况, 四、主要做法, 五、取得主要成效, closing and signature. A chapter without data is left out and the
/// chapters that remain are numbered in order, so the report never shows an empty heading or a made-up figure.
/// </summary>
public static class PerformanceReportComposer
{
    private static readonly CultureInfo Zh = ChineseFormat.Culture;

    public static string TitleOf(PerformanceReportData data) => $"{data.VillageName}{data.Year}年驻村工作队履职报告";

    public static ReportDocument Compose(PerformanceReportData data, ReportEdition edition = ReportEdition.Internal)
    {
        var blocks = new List<DocumentBlock>();
        if (!string.IsNullOrWhiteSpace(data.Prose.Introduction)) AddProse(blocks, data.Prose.Introduction);

        var chapters = new List<(string Title, List<DocumentBlock> Blocks)>
        {
            ("村基本情况", Profile(data)),
            ("工作落实情况", WorkDone(data)),
            ("政策落实情况", Policies(data, edition)),
            ("主要做法", Practices(data)),
            ("取得主要成效", Results(data)),
        };
        var number = 0;
        foreach (var (heading, chapter) in chapters.Where(c => c.Blocks.Count > 0))
        {
            blocks.Add(new Heading(1, $"{ChineseFormat.Numeral(++number)}、{heading}"));
            blocks.AddRange(chapter);
        }

        if (!string.IsNullOrWhiteSpace(data.Prose.Closing)) AddProse(blocks, data.Prose.Closing);
        var signer = string.IsNullOrWhiteSpace(data.SignedBy) ? data.VillageName + "村民委员会" : data.SignedBy;
        blocks.Add(new SignatureBlock([signer, ChineseFormat.Date(data.SignedOn)]));

        var title = TitleOf(data) + (edition == ReportEdition.Public ? "（公开版）" : "");
        return new ReportDocument(title, blocks) { RunningHeader = TitleOf(data) };
    }

    private static void AddProse(List<DocumentBlock> blocks, string text)
    {
        foreach (var paragraph in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            blocks.Add(new Paragraph(paragraph));
        }
    }

    private static List<DocumentBlock> Profile(PerformanceReportData data)
    {
        if (data.Profile is not { } p) return [];
        var description = string.IsNullOrWhiteSpace(p.Description) ? "" : p.Description.Trim().TrimEnd('。', '，') + "，";
        var first = $"{data.VillageName}{description}全村总版图面积为{N(p.AreaSquareKm)}平方公里，山林面积{N(p.ForestMu)}亩，耕地面积{N(p.ArableMu)}亩，水田面积{N(p.PaddyMu)}亩。" +
            $"共有{N(p.GroupCount)}个村民小组，{N(p.HamletCount)}个自然垸落，{N(p.HouseholdCount)}户，{N(p.Population)}人，" +
            $"现有党员{N(p.PartyMembers)}人，支委{N(p.BranchCommitteeMembers)}人，党小组{N(p.PartyGroups)}个，公益岗位{N(p.PublicWelfarePosts)}名，" +
            $"三留守儿童{N(p.LeftBehindChildren)}人，三留守老人{N(p.LeftBehindElderly)}人，三留守妇女{N(p.LeftBehindWomen)}人。";
        var second = new StringBuilder();
        if (p.LeadingIndustries.Count > 0) second.Append($"全村主导产业是{string.Join("、", p.LeadingIndustries)}。");
        if (p.CollectiveIncomeSources.Count > 0) second.Append($"村集体的主要收入来源是{string.Join("、", p.CollectiveIncomeSources)}，");
        second.Append($"{data.Year}年村级集体经济稳定经营性收入{Yuan(p.CollectiveIncome)}，");
        second.Append(p.CollectiveIncome >= p.CollectiveIncomeIndicator
            ? $"实现了村级集体经济稳定经营性收入达{Wan(p.CollectiveIncomeIndicator)}以上的指标。"
            : $"尚未达到村级集体经济稳定经营性收入{Wan(p.CollectiveIncomeIndicator)}以上的指标。");
        return [new Paragraph(first), new Paragraph(second.ToString())];
    }

    private static List<DocumentBlock> WorkDone(PerformanceReportData data)
    {
        var blocks = new List<DocumentBlock>();
        var item = 0;
        if (data.Registry is { } r)
        {
            var text = new StringBuilder($"截止{data.Year}年底建档立卡全村共有贫困户{N(r.Households)}户{N(r.People)}人");
            var parts = new List<string>();
            if (r.Categories.Count > 0) parts.Add(string.Join("，", r.Categories.Select(c => $"{c.Label}{N(c.Households)}户{N(c.People)}人")));
            if (r.Causes.Count > 0) parts.Add(string.Join("，", r.Causes.Select(c => $"{c.Label}致贫{N(c.Households)}户")));
            if (r.RelocatedHouseholds > 0) parts.Add($"易地搬迁{N(r.RelocatedHouseholds)}户{N(r.RelocatedPeople)}人");
            if (parts.Count > 0) text.Append($"（其中{string.Join("；", parts)}）");
            text.Append('。');
            if (r.ExitsPerYear.Count > 0)
            {
                text.Append(string.Join("，", r.ExitsPerYear.Select(e => $"{e.Year}年脱贫{N(e.Households)}户{N(e.People)}人")));
                text.Append('。');
            }
            text.Append(r.RemainingHouseholds > 0
                ? $"{data.Year}年底贫困人口存量{N(r.RemainingHouseholds)}户{N(r.RemainingPeople)}人" +
                  (r.ReturnedHouseholds > 0 ? $"（其中返贫{N(r.ReturnedHouseholds)}户{N(r.ReturnedPeople)}人）。" : "。")
                : $"{data.Year}年底建档立卡贫困人口已全部脱贫。");
            blocks.Add(new NumberedItem($"{++item}、", "贫困户基本情况。" + text));

            if (r.ExitsPerYear.Count > 0)
            {
                var rows = r.ExitsPerYear.Select(e => (IReadOnlyList<string>)[$"{e.Year}年", N(e.Households), N(e.People)]).ToList();
                rows.Add(["合计", N(r.ExitsPerYear.Sum(e => e.Households)), N(r.ExitsPerYear.Sum(e => e.People))]);
                rows.Add([$"{data.Year}年底存量", N(r.RemainingHouseholds), N(r.RemainingPeople)]);
                blocks.Add(new Table("表1　历年脱贫户数和人数", ["年度", "脱贫户数（户）", "脱贫人数（人）"], rows)
                {
                    ColumnWeights = [2, 2, 2],
                    NumericColumns = new HashSet<int> { 1, 2 },
                });
                blocks.Add(new BarChart("图1　历年脱贫户数", "户",
                    r.ExitsPerYear.Select(e => new BarChartItem($"{e.Year}年", e.Households, N(e.Households))).ToList()));
            }
        }

        if (data.Teams.Count > 0)
        {
            var text = new StringBuilder();
            var teams = data.Teams.OrderBy(t => t.StartDate).ToList();
            text.Append(teams.Count > 1 ? $"先后有{N(teams.Count)}支工作队驻{data.VillageName}。" : $"驻{data.VillageName}工作队1支。");
            for (var i = 0; i < teams.Count; i++)
            {
                var t = teams[i];
                var period = t.EndDate is { } end
                    ? $"{ChineseFormat.Date(t.StartDate)}至{ChineseFormat.Date(end)}"
                    : $"自{ChineseFormat.Date(t.StartDate)}起";
                var by = string.IsNullOrWhiteSpace(t.AppointedBy) ? "由" : $"由{t.AppointedBy}选派";
                text.Append($"{period}，{by}{t.DispatchingUnit}驻村开展帮扶工作");
                if (t.Members.Count > 0)
                {
                    text.Append($"，成员{N(t.Members.Count)}人：");
                    text.Append(string.Join("，", t.Members.GroupBy(m => m.Role).Select(g => $"{g.Key}{string.Join("、", g.Select(m => m.Name))}")));
                }
                text.Append(i == teams.Count - 1 ? "。" : "；");
            }
            var compliant = teams.Where(t => t.Compliance is { WeeksDue: > 0 }).ToList();
            if (compliant.Count > 0)
            {
                var due = compliant.Sum(t => t.Compliance!.WeeksDue);
                var met = compliant.Sum(t => t.Compliance!.WeeksCompliant);
                text.Append($"驻村工作队严格按照职责清单履职尽责，实行“五天四夜”驻村工作制度，{data.Year}年队员应驻村{N(due)}人周，" +
                    $"落实“五天四夜”{N(met)}人周，落实率{ChineseFormat.Percent(met / (decimal)due)}。");
            }
            blocks.Add(new NumberedItem($"{++item}、", "驻村工作队情况。" + text));
        }
        return blocks;
    }

    private static List<DocumentBlock> Policies(PerformanceReportData data, ReportEdition edition)
    {
        if (data.PolicyGroups.Count == 0) return [];
        var blocks = new List<DocumentBlock>();
        var i = 0;
        foreach (var g in data.PolicyGroups)
        {
            if (g.Programs.Count > 0)
            {
                blocks.Add(new NumberedItem($"{++i}、", $"{g.Name}。{ProgramClauses(data.Year, g, edition)}。"));
                continue;
            }
            var heads = g.ExampleHeads.Take(1).Select(n => edition == ReportEdition.Public ? MaskName(n) : n).ToList();
            var who = heads.Count > 0 ? $"以{heads[0]}等" : "共";
            var benefits = g.Benefits.Count > 0 ? $"享受{string.Join("、", g.Benefits)}" : "享受相关政策";
            var amount = g.Amount > 0 ? $"，{data.Year}年发放资金共计{Yuan(g.Amount)}" : "";
            blocks.Add(new NumberedItem($"{++i}、", $"{g.Name}。{who}{N(g.Households)}户{N(g.People)}人{benefits}{amount}。"));
        }
        var withAmounts = data.PolicyGroups.Where(g => g.Amount > 0).ToList();
        if (withAmounts.Count > 0)
        {
            blocks.Add(new BarChart($"图{(data.Registry?.ExitsPerYear.Count > 0 ? 2 : 1)}　{data.Year}年各类政策发放资金", "元",
                withAmounts.Select(g => new BarChartItem(g.Name, g.Amount, N(g.Amount))).ToList()));
        }
        return blocks;
    }

    /// <summary>
    /// "以刘袖珍等52户74人享受低保，资金…元；刘海明等23户23人享受五保供养…；全年共计发放资金…元": one clause per benefit,
    /// each with its own example head (masked in the 公开版), and the group's total when it has several benefits.
    /// </summary>
    private static string ProgramClauses(int year, PolicyGroupFigures g, ReportEdition edition)
    {
        var clauses = g.Programs.Select((p, index) =>
        {
            var head = p.ExampleHeads.FirstOrDefault(h => !string.IsNullOrWhiteSpace(h));
            var who = head is null ? (index == 0 ? "全村" : "") : $"{(index == 0 ? "以" : "")}{(edition == ReportEdition.Public ? MaskName(head) : head)}等";
            var clause = new StringBuilder($"{who}{N(p.Households)}户{N(p.People)}人享受{p.Name}");
            if (p.Quantity is > 0 && !string.IsNullOrWhiteSpace(p.Unit)) clause.Append($"{N(p.Quantity.Value)}{p.Unit}");
            if (p.Amount > 0) clause.Append($"，资金{Yuan(p.Amount)}");
            return clause.ToString();
        });
        var text = string.Join("；", clauses);
        if (g.Programs.Count > 1 && g.Amount > 0) text += $"；{year}年共计{N(g.Households)}户{N(g.People)}人，发放资金{Yuan(g.Amount)}";
        return text;
    }

    private static List<DocumentBlock> Practices(PerformanceReportData data)
    {
        var blocks = new List<DocumentBlock>();
        var counts = data.WorkLogCounts.Where(c => c.Count > 0).ToList();
        if (counts.Count > 0)
        {
            blocks.Add(new Paragraph($"{data.Year}年驻村工作队" + string.Join("，", counts.Select(c => $"{c.Kind}{N(c.Count)}{c.Unit}")) + "。"));
        }
        var i = 0;
        foreach (var practice in data.Prose.Practices.Where(p => !string.IsNullOrWhiteSpace(p)))
        {
            blocks.Add(new NumberedItem($"{++i}、", practice.Trim()));
        }
        return blocks;
    }

    private static List<DocumentBlock> Results(PerformanceReportData data)
    {
        var blocks = new List<DocumentBlock>();
        var i = 0;
        if (data.Projects.Count > 0)
        {
            var withInvestment = data.Projects.Where(p => p.Investment is > 0).ToList();
            var invested = withInvestment.Sum(p => p.Investment!.Value);
            // A total over only some projects must not read as the total of all of them.
            var investment = withInvestment.Count == 0 ? "。"
                : withInvestment.Count == data.Projects.Count ? $"，共投入资金{Yuan(invested)}。"
                : $"，其中{string.Join("、", withInvestment.Select(p => p.Name))}共投入资金{Yuan(invested)}。";
            blocks.Add(new NumberedItem($"（{++i}）", $"加强基础设施建设。截至{data.Year}年底累计建成" +
                string.Join("，", data.Projects.Select(p => $"{p.Name}{N(p.Quantity)}{p.Unit}")) + investment));
        }
        if (data.Industries.Count > 0)
        {
            blocks.Add(new NumberedItem($"（{++i}）", "发展产业，夯实脱贫基础。" +
                string.Join("，", data.Industries.Select(x => $"{x.Name}{N(x.Quantity)}{x.Unit}" + (x.Households is > 0 ? $"（带动{N(x.Households.Value)}户）" : ""))) + "。"));
        }
        if (data.CollectiveIncome.Count > 0)
        {
            var total = data.CollectiveIncome.Sum(c => c.Amount);
            var stable = data.CollectiveIncome.Where(c => c.IsStableOperating).Sum(c => c.Amount);
            var indicator = data.Profile?.CollectiveIncomeIndicator ?? 50_000m;
            blocks.Add(new NumberedItem($"（{++i}）", $"壮大村集体经济。{data.Year}年村集体经济收入{Yuan(total)}，其中" +
                string.Join("，", data.CollectiveIncome.Select(c => $"{c.Source}{Yuan(c.Amount)}")) +
                $"；稳定经营性收入{Yuan(stable)}，" +
                (stable >= indicator ? $"达到{Wan(indicator)}以上的指标。" : $"尚未达到{Wan(indicator)}以上的指标。")));
        }
        return blocks;
    }

    /// <summary>刘袖珍 → 刘**: the surname stays, the given name is masked (复姓 are rare enough to accept 欧阳* → 欧**).</summary>
    public static string MaskName(string name)
    {
        var trimmed = name.Trim();
        return trimmed.Length <= 1 ? trimmed : trimmed[0] + new string('*', trimmed.Length - 1);
    }

    /// <summary>1,488 / 2.5: grouped thousands, decimals only when there are any.</summary>
    public static string N(decimal value) => value.ToString("#,##0.##", Zh);

    public static string N(int value) => value.ToString("#,##0", Zh);

    /// <summary>92,690元, 1,234.50元.</summary>
    public static string Yuan(decimal amount) =>
        (amount == decimal.Truncate(amount) ? amount.ToString("#,##0", Zh) : amount.ToString("#,##0.00", Zh)) + "元";

    private static string Wan(decimal amount) => amount % 10_000m == 0 ? $"{N(amount / 10_000m)}万元" : Yuan(amount);
}
