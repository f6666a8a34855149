using PovertyPortal.Documents.Rendering;

namespace PovertyPortal.Documents.Correction;

/// <summary>
/// 社区矫正月度统计表: a sentence of the month's figures, then two tables by township (those in correction at the
/// month's end by type, minors and women; the month's changes and supervision), each with a total row when more than
/// one township is shown, and what the columns count. No names: figures only.
/// </summary>
public static class CorrectionStatisticsComposer
{
    public static string TitleOf(CorrectionStatisticsData data) => $"{data.AreaName}社区矫正月度统计表（{data.Year}年{data.Month}月）";

    public static readonly string[] StockHeader = ["乡（镇）", "管制", "缓刑", "假释", "暂予监外执行", "合计", "其中未成年人", "其中女性"];

    public static readonly string[] FlowHeader = ["乡（镇）", "新入矫", "解除矫正", "终止矫正", "警告（人次）", "提请撤销或收监（件）", "批准外出（人次）", "学习不足8小时", "服务不足8小时"];

    public static IReadOnlyList<string> StockCells(CorrectionStatisticsRow r) =>
        [r.Township, N(r.Control), N(r.Probation), N(r.Parole), N(r.TemporaryOutOfPrison), N(r.InCorrection), N(r.Minors), N(r.Women)];

    public static IReadOnlyList<string> FlowCells(CorrectionStatisticsRow r) =>
        [r.Township, N(r.New), N(r.Released), N(r.Terminated), N(r.Warnings), N(r.Proposals), N(r.LeaveApproved), N(r.EducationShort), N(r.ServiceShort)];

    /// <summary>The rows as printed: the townships, and the total when there is more than one.</summary>
    public static IReadOnlyList<CorrectionStatisticsRow> PrintedRows(CorrectionStatisticsData data) =>
        data.Rows.Count > 1 ? [.. data.Rows, data.Total] : data.Rows;

    public static ReportDocument Compose(CorrectionStatisticsData data)
    {
        var rows = PrintedRows(data);
        var blocks = new List<DocumentBlock>
        {
            new Paragraph(Summary(data)),
            new Table("表一　月末在矫人员（单位：人）", StockHeader, rows.Select(StockCells).ToList())
            {
                ColumnWeights = [1.4f, 0.8f, 0.8f, 0.8f, 1.6f, 0.8f, 1.2f, 1f],
                NumericColumns = Enumerable.Range(1, StockHeader.Length - 1).ToHashSet(),
            },
            new Table("表二　本月变动和监督管理情况", FlowHeader, rows.Select(FlowCells).ToList())
            {
                ColumnWeights = [1.5f, 0.8f, 0.8f, 0.8f, 0.9f, 1.2f, 1f, 1f, 1f],
                NumericColumns = Enumerable.Range(1, FlowHeader.Length - 1).ToHashSet(),
            },
            new Paragraph("说明：在矫人员指已宣告入矫、月末尚未解除或终止矫正的人员，新入矫按宣告日期统计；未成年人指判决、裁定、决定生效时未满十八周岁的人员；" +
                "批准外出按司法所或者县级司法行政机关批准的日期统计；学习、服务不足指当月应当参加教育学习、社区服务（宣告次月起至期满前一个月），" +
                "而当月累计不足八小时的在矫人员人数。"),
            new SignatureBlock([data.IssuedBy, ChineseFormat.Date(data.IssuedOn)]),
        };
        return new ReportDocument(TitleOf(data), blocks) { RunningHeader = TitleOf(data) };
    }

    public static string Summary(CorrectionStatisticsData data)
    {
        var t = data.Total;
        var asOf = data.AsOf is { } d ? $"（本月尚未结束，数据截至{ChineseFormat.Date(d)}）" : "";
        return $"{data.Year}年{data.Month}月末{asOf}，{data.AreaName}在矫社区矫正人员{N(t.InCorrection)}人，其中管制{N(t.Control)}人、缓刑{N(t.Probation)}人、" +
            $"假释{N(t.Parole)}人、暂予监外执行{N(t.TemporaryOutOfPrison)}人；未成年人{N(t.Minors)}人，女性{N(t.Women)}人。" +
            $"本月新入矫{N(t.New)}人，解除矫正{N(t.Released)}人，终止矫正{N(t.Terminated)}人；给予警告{N(t.Warnings)}人次，" +
            $"提请撤销缓刑、假释或者收监执行{N(t.Proposals)}件，批准外出{N(t.LeaveApproved)}人次；" +
            $"当月教育学习不足八小时的{N(t.EducationShort)}人，社区服务不足八小时的{N(t.ServiceShort)}人。";
    }

    private static string N(int value) => ChineseFormat.Count(value);
}
