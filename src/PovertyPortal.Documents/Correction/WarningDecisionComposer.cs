using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Correction;
using static PovertyPortal.Documents.Correction.CorrectionText;

namespace PovertyPortal.Documents.Correction;

/// <summary>
/// 警告决定书 (art. 39): the subject, the judgment, the facts found and their evidence, the item of art. 39 they fall
/// under, the decision, how many warnings the subject now has and what more would bring (arts. 41–42).
/// </summary>
public static class WarningDecisionComposer
{
    public const string Title = "警告决定书";

    public static ReportDocument Compose(WarningDecisionData data)
    {
        var p = data.Person;
        var item = Item((int)data.Ground + 1);
        var blocks = new List<DocumentBlock>
        {
            new Paragraph($"文书编号：{data.DecisionNumber}"),
            new Paragraph("社区矫正人员：" + PersonSentence(p)),
            new Paragraph(JudgmentSentence(p, data.Offices)),
            new Paragraph("经查，" + Sentence(data.Facts)),
            new Paragraph("上述事实，有以下证据证明：" + Sentence(data.Evidence)),
            new Paragraph($"本局认为，{p.Name}的上述行为属于{Rules}第三十九条{item}规定的“{data.Ground.Label()}”情形。" +
                $"依照该条规定，本局决定给予{p.Name}警告。"),
            new Paragraph(CountSentence(data)),
            new Paragraph($"本决定书自送达之日起生效，送达社区矫正人员本人，并抄送{data.Offices.JudicialOffice}存入矫正档案。"),
            new SignatureBlock([data.Offices.Bureau, ChineseFormat.Date(data.IssuedOn)]),
        };
        return new ReportDocument(Title, blocks) { RunningHeader = Title };
    }

    public static string FileName(WarningDecisionData data) => $"{Title}（{data.DecisionNumber}）";

    /// <summary>The count after this warning and, for the types that can lose their correction, how close that is.</summary>
    internal static string CountSentence(WarningDecisionData data)
    {
        var p = data.Person;
        var count = $"这是{p.Name}在社区矫正期间受到的第{ChineseFormat.Numeral(data.Ordinal)}次警告。";
        if (DisciplineRules.ProposalFor(p.Type) is not { } kind)
        {
            return count + "望其认真遵守监督管理规定，服从管理，接受教育。";
        }
        var threshold = DisciplineRules.WarningThreshold(kind);
        var article = kind == ProposalKind.Revocation ? "第四十一条" : "第四十二条";
        var proposal = kind.Label(p.Type);
        return data.Ordinal >= threshold
            ? count + $"警告已达{ChineseFormat.Numeral(threshold)}次，仍不改正的，本局将依照{article}提出{proposal}。"
            : count + $"受到警告累计达{ChineseFormat.Numeral(threshold)}次仍不改正的，本局将依照{article}提出{proposal}。";
    }
}
