using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using PovertyPortal.Documents.Correction;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using PovertyPortal.Tests.Reports;

namespace PovertyPortal.Tests.Correction;

/// <summary>The five correction documents: each says its figures and dates, its title follows the type, and both files hold the same text.</summary>
public class CorrectionDocumentTests
{
    private static readonly FontSet Fonts = ReportFontResolver.Resolve();
    private static readonly CorrectionOffices Offices = new("模拟县", "石桥镇");

    private static CorrectionPerson Person(CorrectionType type, string organ = "模拟县人民法院", bool minor = false) => new()
    {
        Name = "李某", Gender = Gender.Male, BirthDate = new DateOnly(1988, 3, 4), ResidentId = "1405**********1234", Address = "石桥镇东村一组",
        Type = type, IsMinor = minor, Crime = "盗窃罪", Sentence = "有期徒刑一年，缓刑二年", DecisionOrganName = organ,
        CaseNumber = "（2025）模刑初字第12号", EffectiveOn = new DateOnly(2025, 3, 1),
        CorrectionStart = new DateOnly(2025, 3, 1), CorrectionEnd = new DateOnly(2027, 2, 28),
    };

    private static RegistrationFormData Registration(bool allDocuments, bool reported) => new()
    {
        Offices = Offices, Person = Person(CorrectionType.Parole), CaseId = 41, SupervisionLevel = "普管",
        Documents = [("判决书（裁定书、决定书）", true), ("执行通知书", true), ("假释证明书副本", allDocuments), ("接受社区矫正保证书", allDocuments)],
        DocumentsReceivedOn = new DateOnly(2025, 3, 3), MissingDocumentsNotifiedOn = allDocuments ? null : new DateOnly(2025, 3, 4),
        ReceiptReturnedOn = new DateOnly(2025, 3, 5), ForwardedToOfficeOn = new DateOnly(2025, 3, 6), RegisteredOn = new DateOnly(2025, 3, 6),
        ReportedOn = reported ? new DateOnly(2025, 3, 9) : null, ReportDueOn = new DateOnly(2025, 3, 11), IssuedOn = new DateOnly(2025, 3, 6),
    };

    private static string Text(ReportDocument d) => string.Concat(d.AllText());

    [Fact]
    public void The_registration_form_lists_the_person_the_documents_and_the_steps_and_names_what_is_missing()
    {
        var document = RegistrationFormComposer.Compose(Registration(allDocuments: false, reported: false));
        var text = Text(document);

        Assert.Equal("社区矫正人员接收登记表", document.Title);
        Assert.Contains("登记机关：模拟县司法局", text);
        var form = document.Blocks.OfType<Table>().First();
        Assert.Contains(form.Rows, r => r.SequenceEqual(["矫正类别", "假释", "罪名", "盗窃罪"]) || r.SequenceEqual(["居住地", "石桥镇东村一组", "矫正类别", "假释"]));
        Assert.Contains(form.Rows, r => r.SequenceEqual(["生效日期", "2025年3月1日", "矫正期限", "2025年3月1日至2027年2月28日"]));
        Assert.Contains(form.Rows, r => r.SequenceEqual(["监管等级", "普管", "执行地司法所", "石桥镇司法所"]));
        Assert.Contains("缺少假释证明书副本、接受社区矫正保证书。已于2025年3月4日通知送达机关补正。", text);
        var steps = document.Blocks.OfType<Table>().Single(t => t.Caption == "接收办理情况");
        Assert.Equal(["报到", "未报到", "生效之日起十日内（2025年3月11日前）"], steps.Rows[^1]);
        Assert.Contains("已告知该社区矫正人员于2025年3月11日前报到，到石桥镇司法所接受社区矫正", text);
        Assert.DoesNotContain("未成年人", text);
    }

    [Fact]
    public void A_complete_and_reported_registration_says_so_and_a_minors_form_is_marked_confidential()
    {
        var text = Text(RegistrationFormComposer.Compose(Registration(allDocuments: true, reported: true)));
        Assert.Contains("第十一条规定的法律文书已经收齐。", text);
        Assert.Contains("该社区矫正人员已于2025年3月9日报到，由石桥镇司法所负责日常监督管理和教育帮扶。", text);

        var minor = Registration(true, true) with { Person = Person(CorrectionType.Probation, minor: true) };
        Assert.Contains("该社区矫正人员为未成年人。依照第五十条规定", Text(RegistrationFormComposer.Compose(minor)));
    }

    private static WarningDecisionData Warning(CorrectionType type, int ordinal) => new()
    {
        Offices = Offices, Person = Person(type), DecisionNumber = "模司矫警〔2025〕7号", IssuedOn = new DateOnly(2025, 9, 10),
        Ground = WarningGround.EducationOrService, Facts = "2025年8月未参加社区服务，经司法所两次教育仍不参加。",
        Evidence = "社区服务签到记录、谈话笔录两份", Ordinal = ordinal,
    };

    [Fact]
    public void A_warning_decision_cites_its_item_of_article_39_with_facts_evidence_and_the_count()
    {
        var document = WarningDecisionComposer.Compose(Warning(CorrectionType.Probation, 2));
        var text = Text(document);

        Assert.Equal("警告决定书", document.Title);
        Assert.Contains("文书编号：模司矫警〔2025〕7号", text);
        Assert.Contains("社区矫正人员：李某，男，1988年3月4日出生，公民身份号码1405**********1234，住石桥镇东村一组。", text);
        Assert.Contains("经查，2025年8月未参加社区服务，经司法所两次教育仍不参加。", text);
        Assert.Contains("上述事实，有以下证据证明：社区服务签到记录、谈话笔录两份。", text);
        Assert.Contains("第三十九条第（三）项规定的“不按规定参加教育学习、社区服务，经教育仍不改正”情形", text);
        Assert.Contains("这是李某在社区矫正期间受到的第二次警告。受到警告累计达三次仍不改正的，本局将依照第四十一条提出撤销缓刑建议。", text);
        Assert.Equal(["模拟县司法局", "2025年9月10日"], document.Blocks.OfType<SignatureBlock>().Single().Lines);
    }

    [Theory]
    [InlineData(CorrectionType.TemporaryOutOfPrison, 2, "警告已达二次，仍不改正的，本局将依照第四十二条提出收监执行建议。")]
    [InlineData(CorrectionType.Parole, 3, "警告已达三次，仍不改正的，本局将依照第四十一条提出撤销假释建议。")]
    [InlineData(CorrectionType.Control, 3, "望其认真遵守监督管理规定")]
    public void The_warning_count_sentence_follows_the_threshold_of_the_type(CorrectionType type, int ordinal, string expected) =>
        Assert.Contains(expected, Text(WarningDecisionComposer.Compose(Warning(type, ordinal))));

    private static ProposalDocumentData Proposal(ProposalKind kind, CorrectionType type, string to) => new()
    {
        Offices = Offices, Person = Person(type), Kind = kind, DocumentNumber = "模司矫建〔2025〕2号", ProposedOn = new DateOnly(2025, 10, 8),
        SubmittedTo = to, Ground = kind == ProposalKind.Revocation ? "受到司法行政机关三次警告仍不改正的" : "受到司法行政机关两次警告，仍不改正的",
        Facts = "多次未按规定报告。", DecisionDueOn = CorrectionProposal.DueAfter(kind, new DateOnly(2025, 10, 8)),
        Warnings = [("模司矫警〔2025〕3号", new DateOnly(2025, 5, 6)), ("模司矫警〔2025〕7号", new DateOnly(2025, 9, 10)), ("模司矫警〔2025〕9号", new DateOnly(2025, 9, 30))],
    };

    [Theory]
    [InlineData(CorrectionType.Probation, "撤销缓刑建议书", "依法撤销对李某宣告的缓刑")]
    [InlineData(CorrectionType.Parole, "撤销假释建议书", "依法撤销对李某宣告的假释")]
    public void A_revocation_proposal_is_titled_by_type_asks_the_court_within_a_month_and_is_copied(CorrectionType type, string title, string asked)
    {
        var document = ProposalDocumentComposer.Compose(Proposal(ProposalKind.Revocation, type, "模拟县人民法院"));
        var text = Text(document);

        Assert.Equal(title, document.Title);
        Assert.Contains("模拟县人民法院：", text);
        Assert.Contains($"建议你院{asked}，执行原判刑罚。", text);
        Assert.Contains("共受到本局警告三次（2025年5月6日，模司矫警〔2025〕3号；2025年9月10日，模司矫警〔2025〕7号；2025年9月30日，模司矫警〔2025〕9号）", text);
        Assert.Contains("第四十一条规定的“受到司法行政机关三次警告仍不改正的”", text);
        Assert.Contains("一个月内依法作出裁定（按本建议书提出之日计算，至2025年11月8日）", text);
        Assert.Contains("抄送：模拟县人民检察院，模拟县公安局。", text);
    }

    [Fact]
    public void A_reimprisonment_proposal_goes_to_the_deciding_organ_within_fifteen_days()
    {
        var data = Proposal(ProposalKind.Reimprisonment, CorrectionType.TemporaryOutOfPrison, "某省监狱管理局") with { Warnings = [] };
        var document = ProposalDocumentComposer.Compose(data);
        var text = Text(document);

        Assert.Equal("收监执行建议书", document.Title);
        Assert.Contains("建议你机关依法对李某收监执行。", text);
        Assert.Contains("十五日内依法作出决定（按本建议书提出之日计算，至2025年10月23日）", text);
        Assert.Contains("未受到警告", text);
        Assert.Contains("第四十二条", text);
    }

    [Theory]
    [InlineData(CorrectionType.Control, "模拟县人民法院", "其管制执行期满，依法解除管制。")]
    [InlineData(CorrectionType.Probation, "模拟县人民法院", "其缓刑考验期满，原判刑罚不再执行。")]
    [InlineData(CorrectionType.Parole, "某市中级人民法院", "其假释考验期满，原判刑罚执行完毕。")]
    [InlineData(CorrectionType.TemporaryOutOfPrison, "模拟县人民法院", "其刑期已经届满。本证明书即为其刑满释放证明。")]
    [InlineData(CorrectionType.TemporaryOutOfPrison, "某省第一监狱", "其刑期已经届满。由监狱、看守所依法为其办理刑满释放手续。")]
    public void The_release_certificate_says_what_the_release_means_for_the_type(CorrectionType type, string organ, string meaning)
    {
        var document = ReleaseCertificateComposer.Compose(new ReleaseCertificateData
        {
            Offices = Offices, Person = Person(type, organ), CertificateNumber = "模司矫解〔2027〕5号", ReleasedOn = new DateOnly(2027, 2, 28),
        });
        var text = Text(document);

        Assert.Equal("解除社区矫正证明书", document.Title);
        Assert.Contains("证书编号：模司矫解〔2027〕5号", text);
        Assert.Contains("李某的社区矫正期限于2027年2月28日届满，经石桥镇司法所鉴定、本局审核，自2027年2月28日起依法解除社区矫正。" + meaning, text);
        Assert.Contains("自2025年3月1日起在石桥镇司法所接受社区矫正，矫正期至2027年2月28日止。", text);
    }

    private static CorrectionStatisticsData Statistics() => new()
    {
        AreaName = "模拟县", Year = 2025, Month = 10, IssuedBy = "模拟县司法局", IssuedOn = new DateOnly(2025, 11, 3),
        Rows =
        [
            new("石桥镇") { Control = 1, Probation = 5, Parole = 2, TemporaryOutOfPrison = 1, Minors = 1, Women = 2, New = 2, Released = 1, Warnings = 3, Proposals = 1, LeaveApproved = 2, EducationShort = 1 },
            new("江关乡") { Probation = 3, Parole = 1, Women = 1, New = 1, Terminated = 1, LeaveApproved = 1, ServiceShort = 2 },
        ],
    };

    [Fact]
    public void The_statistics_sheet_has_a_row_per_township_a_total_and_the_months_sentence()
    {
        var document = CorrectionStatisticsComposer.Compose(Statistics());
        var text = Text(document);

        Assert.Equal("模拟县社区矫正月度统计表（2025年10月）", document.Title);
        var stock = document.Blocks.OfType<Table>().First();
        Assert.Equal(["石桥镇", "1", "5", "2", "1", "9", "1", "2"], stock.Rows[0]);
        Assert.Equal(["合计", "1", "8", "3", "1", "13", "1", "3"], stock.Rows[^1]);
        var flow = document.Blocks.OfType<Table>().Last();
        Assert.Equal(["合计", "3", "1", "1", "3", "1", "3", "1", "2"], flow.Rows[^1]);
        Assert.Contains("2025年10月末，模拟县在矫社区矫正人员13人，其中管制1人、缓刑8人、假释3人、暂予监外执行1人；未成年人1人，女性3人。", text);
        Assert.Contains("本月新入矫3人，解除矫正1人，终止矫正1人；给予警告3人次", text);
        Assert.Contains("当月教育学习不足八小时的1人，社区服务不足八小时的2人。", text);
        Assert.DoesNotContain("截至", text);
    }

    [Fact]
    public void A_single_townships_sheet_has_no_total_row_and_a_running_month_says_as_of_when()
    {
        var data = Statistics() with { Rows = [Statistics().Rows[1]], AreaName = "模拟县江关乡", AsOf = new DateOnly(2025, 10, 20) };
        var document = CorrectionStatisticsComposer.Compose(data);

        Assert.All(document.Blocks.OfType<Table>(), t => Assert.Single(t.Rows));
        Assert.Contains("（本月尚未结束，数据截至2025年10月20日）", Text(document));
    }

    public static TheoryData<string> Documents() => ["registration", "warning", "proposal", "release", "statistics"];

    private static ReportDocument Compose(string name) => name switch
    {
        "registration" => RegistrationFormComposer.Compose(Registration(false, false)),
        "warning" => WarningDecisionComposer.Compose(Warning(CorrectionType.Probation, 1)),
        "proposal" => ProposalDocumentComposer.Compose(Proposal(ProposalKind.Revocation, CorrectionType.Parole, "模拟县人民法院")),
        "release" => ReleaseCertificateComposer.Compose(new ReleaseCertificateData
        {
            Offices = Offices, Person = Person(CorrectionType.Probation), CertificateNumber = "模司矫解〔2027〕5号", ReleasedOn = new DateOnly(2027, 2, 28),
        }),
        _ => CorrectionStatisticsComposer.Compose(Statistics()),
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_pdf_and_the_word_file_say_the_same_and_the_word_file_is_valid(string name)
    {
        var document = Compose(name);
        var pdf = new PdfRenderer(Fonts).Render(document);
        var docx = new DocxRenderer(Fonts, new ReportFontOptions()).Render(document);
        var path = Path.Combine(ReportOutput.Directory, $"correction-{name}.pdf");
        File.WriteAllBytes(path, pdf);
        File.WriteAllBytes(Path.ChangeExtension(path, ".docx"), docx);

        var pdfText = ReportOutput.Text(pdf);
        Assert.Contains(document.Title, pdfText);
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Empty(new OpenXmlValidator().Validate(word));
        var paragraphs = word.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>()
            .Select(p => p.InnerText.Replace(" ", "", StringComparison.Ordinal)).Where(t => t.Length > 0).ToList();
        Assert.Contains(document.Title, paragraphs);
        var body = ReportOutput.BodyText(pdf);
        Assert.DoesNotContain(paragraphs, p => !body.Contains(p, StringComparison.Ordinal) && !pdfText.Contains(p, StringComparison.Ordinal));
        Assert.True(File.Exists(ReportOutput.RenderFirstPage(path)));
    }
}
