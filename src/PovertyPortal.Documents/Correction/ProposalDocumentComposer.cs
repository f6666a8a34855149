using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Correction;
using static PovertyPortal.Documents.Correction.CorrectionText;

namespace PovertyPortal.Documents.Correction;

/// <summary>
/// 撤销缓刑建议书, 撤销假释建议书 (art. 41, to the court that passed sentence) and 收监执行建议书 (art. 42, to the organ that
/// granted temporary release): the subject, the facts, the warnings so far, the ground, what is asked, by when it is to be
/// decided (one month, fifteen days), and the copies to the procuratorate and the police.
/// </summary>
public static class ProposalDocumentComposer
{
    public static string TitleOf(ProposalDocumentData data) => data.Kind.Label(data.Person.Type) + "书";

    public static ReportDocument Compose(ProposalDocumentData data)
    {
        var p = data.Person;
        var revocation = data.Kind == ProposalKind.Revocation;
        var article = revocation ? "第四十一条" : "第四十二条";
        var you = data.SubmittedTo.Contains("法院", StringComparison.Ordinal) ? "你院" : "你机关";
        var measure = p.Type == CorrectionType.Parole ? "假释" : "缓刑";
        var asked = revocation
            ? $"建议{you}依法撤销对{p.Name}宣告的{measure}，执行原判刑罚。"
            : $"建议{you}依法对{p.Name}收监执行。";
        var decide = revocation
            ? $"请{you}自收到本建议书之日起一个月内依法作出裁定（按本建议书提出之日计算，至{ChineseFormat.Date(data.DecisionDueOn)}），并将裁定书送达本局。"
            : $"请{you}自收到本建议书之日起十五日内依法作出决定（按本建议书提出之日计算，至{ChineseFormat.Date(data.DecisionDueOn)}），并将决定书送达本局。";
        var county = data.Offices.CountyName;
        var blocks = new List<DocumentBlock>
        {
            new Paragraph($"文书编号：{data.DocumentNumber}"),
            new Paragraph($"{data.SubmittedTo.Trim()}："),
            new Paragraph("社区矫正人员：" + PersonSentence(p)),
            new Paragraph(JudgmentSentence(p, data.Offices)),
            new Paragraph("该社区矫正人员在社区矫正期间有下列情形：" + Sentence(data.Facts)),
            new Paragraph(WarningsSentence(data)),
            new Paragraph($"本局认为，{p.Name}的情形属于{Rules}{article}规定的“{data.Ground.Trim().TrimEnd('。')}”。依照该条规定，{asked}"),
            new Paragraph(decide),
            new Paragraph("附：相关证明材料"),
            new SignatureBlock([data.Offices.Bureau, ChineseFormat.Date(data.ProposedOn)]),
            new Paragraph($"抄送：{county}人民检察院，{county}公安局。"),
        };
        return new ReportDocument(TitleOf(data), blocks) { RunningHeader = TitleOf(data) };
    }

    public static string FileName(ProposalDocumentData data) => $"{TitleOf(data)}（{data.DocumentNumber}）";

    internal static string WarningsSentence(ProposalDocumentData data)
    {
        if (data.Warnings.Count == 0) return "截至本建议书提出之日，该社区矫正人员未受到警告。";
        var list = string.Join("；", data.Warnings.Select(w => $"{ChineseFormat.Date(w.IssuedOn)}，{w.DecisionNumber}"));
        return $"截至本建议书提出之日，该社区矫正人员共受到本局警告{ChineseFormat.Numeral(data.Warnings.Count)}次（{list}），经教育仍不改正。";
    }
}
