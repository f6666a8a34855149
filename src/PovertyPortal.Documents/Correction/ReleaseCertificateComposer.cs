using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Correction;
using static PovertyPortal.Documents.Correction.CorrectionText;

namespace PovertyPortal.Documents.Correction;

/// <summary>
/// 解除社区矫正证明书 (arts. 45–47): the subject, the judgment and term, the release, and what the release means for the
/// type of correction (art. 47; for a court's temporary release, art. 46 makes the certificate the proof of release).
/// </summary>
public static class ReleaseCertificateComposer
{
    public const string Title = "解除社区矫正证明书";

    public static ReportDocument Compose(ReleaseCertificateData data)
    {
        var p = data.Person;
        var end = p.CorrectionEnd is { } e ? $"于{ChineseFormat.Date(e)}" : "已";
        var blocks = new List<DocumentBlock>
        {
            new Paragraph($"证书编号：{data.CertificateNumber}"),
            new Paragraph("社区矫正人员：" + PersonSentence(p)),
            new Paragraph(JudgmentSentence(p, data.Offices)),
            new Paragraph($"{p.Name}的社区矫正期限{end}届满，经{data.Offices.JudicialOffice}鉴定、本局审核，" +
                $"自{ChineseFormat.Date(data.ReleasedOn)}起依法解除社区矫正。{Meaning(p)}"),
            new Paragraph("特此证明。"),
            new SignatureBlock([data.Offices.Bureau, ChineseFormat.Date(data.ReleasedOn)]),
        };
        return new ReportDocument(Title, blocks) { RunningHeader = Title };
    }

    public static string FileName(ReleaseCertificateData data) => $"{Title}（{data.CertificateNumber}）";

    /// <summary>What the end of the term means, by type (art. 47).</summary>
    public static string Meaning(CorrectionPerson p) => p.Type switch
    {
        CorrectionType.Control => "其管制执行期满，依法解除管制。",
        CorrectionType.Probation => "其缓刑考验期满，原判刑罚不再执行。",
        CorrectionType.Parole => "其假释考验期满，原判刑罚执行完毕。",
        _ => "其刑期已经届满。" + ((p.DecisionOrganName ?? "").Contains("法院", StringComparison.Ordinal)
            ? "本证明书即为其刑满释放证明。"
            : "由监狱、看守所依法为其办理刑满释放手续。"),
    };
}
