using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Households;
using static PovertyPortal.Documents.Correction.CorrectionText;

namespace PovertyPortal.Documents.Correction;

/// <summary>
/// 社区矫正人员接收登记表 (art. 12): the subject and the judgment in a form of label and value pairs, the legal documents
/// of art. 11 with the missing ones named, the dated steps of the receipt against their limits, and where and by when
/// the subject reports.
/// </summary>
public static class RegistrationFormComposer
{
    public const string Title = "社区矫正人员接收登记表";

    public static ReportDocument Compose(RegistrationFormData data)
    {
        var p = data.Person;
        var o = data.Offices;
        string Term() => p.CorrectionStart is { } s && p.CorrectionEnd is { } e ? $"{ChineseFormat.Date(s)}至{ChineseFormat.Date(e)}" : "—";
        string[][] pairs =
        [
            ["姓名", p.Name, "性别", p.Gender.Label()],
            ["出生日期", ChineseFormat.Date(p.BirthDate), "公民身份号码", Blank(p.ResidentId)],
            ["居住地", Blank(p.Address), "矫正类别", p.TypeText],
            ["罪名", Blank(p.Crime), "原判刑罚", Blank(p.Sentence)],
            ["决定机关", Blank(p.DecisionOrganName), "案号", Blank(p.CaseNumber)],
            ["生效日期", DateOrBlank(p.EffectiveOn), "矫正期限", Term()],
            ["监管等级", Blank(data.SupervisionLevel), "执行地司法所", o.JudicialOffice],
        ];
        var blocks = new List<DocumentBlock>
        {
            new Paragraph($"登记机关：{o.Bureau}　　登记编号：矫登{data.CaseId}"),
            new Table("基本情况", ["项目", "内容", "项目", "内容"], pairs.Select(r => (IReadOnlyList<string>)r).ToList())
            {
                ColumnWeights = [0.9f, 1.6f, 1f, 1.6f],
            },
            new Table("法律文书接收情况", ["法律文书", "接收情况"],
                data.Documents.Select(d => (IReadOnlyList<string>)[d.Document, d.Received ? "已收到" : "未收到"]).ToList())
            {
                ColumnWeights = [2.2f, 1f],
            },
            new Paragraph(DocumentsSentence(data)),
            new Table("接收办理情况", ["事项", "办理日期", "时限要求"],
            [
                ["收到法律文书", DateOrBlank(data.DocumentsReceivedOn), "—"],
                ["送达回执", DateOrBlank(data.ReceiptReturnedOn, "未办理"), "收到法律文书后三个工作日内"],
                ["送达司法所", DateOrBlank(data.ForwardedToOfficeOn, "未办理"), "收到法律文书后两个工作日内"],
                ["登记接收", DateOrBlank(data.RegisteredOn, "未办理"), "收到法律文书后及时办理"],
                ["报到", DateOrBlank(data.ReportedOn, "未报到"), data.ReportDueOn is { } due ? $"生效之日起十日内（{ChineseFormat.Date(due)}前）" : "生效之日起十日内"],
            ])
            {
                ColumnWeights = [1f, 1.1f, 1.9f],
            },
            new Paragraph(ReportSentence(data)),
        };
        if (p.IsMinor)
        {
            blocks.Add(new Paragraph("该社区矫正人员为未成年人。依照第五十条规定，其身份信息和本表内容应当保密，仅供其案件工作人员使用，不得公开或者向无关人员提供。"));
        }
        blocks.Add(new SignatureBlock([o.Bureau, ChineseFormat.Date(data.IssuedOn)]));
        return new ReportDocument(Title, blocks) { RunningHeader = Title };
    }

    public static string FileName(RegistrationFormData data) => $"{Title}（矫登{data.CaseId}）";

    private static string DocumentsSentence(RegistrationFormData data)
    {
        var missing = data.Documents.Where(d => !d.Received).Select(d => d.Document).ToList();
        if (missing.Count == 0) return "第十一条规定的法律文书已经收齐。";
        var text = $"法律文书不齐，缺少{string.Join("、", missing)}。";
        return text + (data.MissingDocumentsNotifiedOn is { } notified
            ? $"已于{ChineseFormat.Date(notified)}通知送达机关补正。"
            : "尚未通知送达机关补正，应当立即通知。");
    }

    private static string ReportSentence(RegistrationFormData data)
    {
        var office = data.Offices.JudicialOffice;
        if (data.ReportedOn is { } reported)
        {
            return $"该社区矫正人员已于{ChineseFormat.Date(reported)}报到，由{office}负责日常监督管理和教育帮扶。";
        }
        var due = data.ReportDueOn is { } d ? $"于{ChineseFormat.Date(d)}前" : "自判决、裁定、决定生效之日起十日内";
        return $"已告知该社区矫正人员{due}报到，到{office}接受社区矫正，并告知逾期不报到的后果。逾期未报到的，本局将通报决定机关并组织查找。";
    }

    private static string Blank(string? value) => string.IsNullOrWhiteSpace(value) ? "—" : value.Trim();
}
