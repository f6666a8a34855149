using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Documents.Procedures;

/// <summary>
/// What a village's 公示 prints: where and by whom it is posted, its period, and its lines. The record has no place for
/// an ID number, a phone of a household, a bank account or a health detail, so the composer cannot print one;
/// <see cref="Contact"/> is the office that takes objections, not a household's.
/// </summary>
public sealed record PublicNoticeData
{
    public required string CountyName { get; init; }
    public required string TownshipName { get; init; }
    public required string VillageName { get; init; }

    /// <summary>2026年第3批 (<see cref="PublicNotice.BatchLabel"/>).</summary>
    public required string BatchLabel { get; init; }
    public DateOnly StartsOn { get; init; }
    public DateOnly EndsOn { get; init; }

    /// <summary>Where objections go, as it is printed: 村委会办公室，电话0855-3221234.</summary>
    public required string Contact { get; init; }

    /// <summary>The body that posts and signs the notice: 石桥村村民委员会, or the 驻村工作队.</summary>
    public required string PostedBy { get; init; }
    public DateOnly IssuedOn { get; init; }
    public required IReadOnlyList<PublicNoticeLine> Lines { get; init; }

    public int Days => EndsOn.DayNumber - StartsOn.DayNumber + 1;
}

/// <summary>
/// 公示 for the village board: the title with the batch, a sentence saying the households listed passed the village's
/// 民主评议 and for how long they are publicised, a table per kind of procedure (in the order of <see cref="ProcedureKind"/>),
/// how to object and that objectors are kept confidential, and the posting body's signature.
/// </summary>
public static class PublicNoticeComposer
{
    public static readonly string[] Header = ["序号", "户主姓名", "村民小组", "家庭人口", "属性/类别", "公示事由"];

    /// <summary>Wide enough that 村民小组, 家庭人口 and 边缘易致贫户 stay on one line; the reason takes the rest and wraps.</summary>
    public static readonly float[] ColumnWeights = [0.7f, 1.2f, 1.2f, 1.2f, 1.7f, 3f];

    public static string TitleOf(PublicNoticeData data) => $"{data.VillageName}防止返贫监测和帮扶对象识别退出公示（{data.BatchLabel}）";

    /// <summary>The download's name without its extension.</summary>
    public static string FileName(PublicNoticeData data) => $"{data.TownshipName}{TitleOf(data)}";

    public static ReportDocument Compose(PublicNoticeData data)
    {
        var groups = Groups(data.Lines);
        var blocks = new List<DocumentBlock> { new Paragraph(Opening(data)) };
        if (groups.Count == 0)
        {
            blocks.Add(new Paragraph("本批次没有列入公示的户。"));
        }
        for (var i = 0; i < groups.Count; i++)
        {
            var (kind, lines) = groups[i];
            blocks.Add(new Table($"{ChineseFormat.Numeral(i + 1)}、{kind.NoticeHeading()}（{lines.Count}户）", Header,
                lines.Select((line, n) => Cells(n + 1, line)).ToList())
            {
                ColumnWeights = ColumnWeights,
                NumericColumns = new HashSet<int> { 0, 3 },
            });
        }
        blocks.Add(new Paragraph(Objections(data)));
        blocks.Add(new Paragraph("本公示只列户主姓名、村民小组、家庭人口、属性类别和公示事由，不公开身份证号码、联系电话、银行账号和健康状况等个人信息，" +
            "公示内容不得另作他用。"));
        blocks.Add(new SignatureBlock([data.PostedBy, ChineseFormat.Date(data.IssuedOn)]));
        var title = TitleOf(data);
        return new ReportDocument(title, blocks) { RunningHeader = title };
    }

    /// <summary>The lines by kind, kinds in their procedural order and lines in the order given.</summary>
    public static IReadOnlyList<(ProcedureKind Kind, IReadOnlyList<PublicNoticeLine> Lines)> Groups(IReadOnlyList<PublicNoticeLine> lines) =>
        lines.GroupBy(l => l.Kind).OrderBy(g => g.Key).Select(g => (g.Key, (IReadOnlyList<PublicNoticeLine>)g.ToList())).ToList();

    public static IReadOnlyList<string> Cells(int number, PublicNoticeLine line) =>
        [ChineseFormat.Count(number), line.HeadName, string.IsNullOrWhiteSpace(line.Group) ? "—" : line.Group, ChineseFormat.Count(line.Members),
            line.Category, line.Reason];

    internal static string Opening(PublicNoticeData data)
    {
        var count = data.Lines.Count;
        var households = count == 0 ? "" : $"下列{ChineseFormat.Count(count)}户";
        return $"根据{data.CountyName}防止返贫监测和帮扶工作的有关规定，经农户申请或村级排查、入户核实，{households}已经{data.VillageName}民主评议通过。" +
            $"按照程序，报{data.TownshipName}审核前现予以公示，公示期自{ChineseFormat.Date(data.StartsOn)}起至{ChineseFormat.Date(data.EndsOn)}止，" +
            $"共{ChineseFormat.Count(data.Days)}天。";
    }

    internal static string Objections(PublicNoticeData data) =>
        $"公示期间，对上述户的情况有异议的，请于{ChineseFormat.Date(data.EndsOn)}前通过电话或者当面向{data.PostedBy}反映（{data.Contact}），" +
        $"也可以向{data.TownshipName}人民政府反映。反映情况应当实事求是；我们将逐件核实并答复，对反映人的姓名和反映内容严格保密。";
}
