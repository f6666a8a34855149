using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Correction;

/// <summary>
/// The subject as every correction document names them. <see cref="Name"/> and <see cref="ResidentId"/> are what the
/// reader may see: the ID masked, and a minor's identity only for their own case staff (the handler refuses others).
/// </summary>
public sealed record CorrectionPerson
{
    public required string Name { get; init; }
    public Gender Gender { get; init; }
    public DateOnly BirthDate { get; init; }
    public string ResidentId { get; init; } = "";
    public string? Address { get; init; }
    public CorrectionType Type { get; init; }
    public bool IsMedicalParole { get; init; }
    public bool IsMinor { get; init; }
    public string? Crime { get; init; }
    public string? Sentence { get; init; }
    public string? DecisionOrganName { get; init; }
    public string? CaseNumber { get; init; }
    public DateOnly? EffectiveOn { get; init; }
    public DateOnly? CorrectionStart { get; init; }
    public DateOnly? CorrectionEnd { get; init; }

    /// <summary>管制, 缓刑, 假释, 暂予监外执行 (保外就医).</summary>
    public string TypeText => IsMedicalParole && Type == CorrectionType.TemporaryOutOfPrison ? $"{Type.Label()}（保外就医）" : Type.Label();
}

/// <summary>
/// The county bureau and the township's 司法所 of a case: the issuer of every document and the office that runs the
/// case. <see cref="IssuedOn"/> is the day the document is printed unless the act has its own date.
/// </summary>
public sealed record CorrectionOffices(string CountyName, string TownshipName)
{
    /// <summary>县级司法行政机关, as it signs: 某某县司法局.</summary>
    public string Bureau => CountyName + "司法局";

    public string JudicialOffice => TownshipName + "司法所";
}

/// <summary>社区矫正人员接收登记表 (art. 12): who was received, on what documents, and the steps of the receipt.</summary>
public sealed record RegistrationFormData
{
    public required CorrectionOffices Offices { get; init; }
    public required CorrectionPerson Person { get; init; }
    public int CaseId { get; init; }
    public string? SupervisionLevel { get; init; }

    /// <summary>The legal documents of art. 11 this subject's type calls for, and whether each arrived.</summary>
    public required IReadOnlyList<(string Document, bool Received)> Documents { get; init; }
    public DateOnly? DocumentsReceivedOn { get; init; }
    public DateOnly? MissingDocumentsNotifiedOn { get; init; }
    public DateOnly? ReceiptReturnedOn { get; init; }
    public DateOnly? ForwardedToOfficeOn { get; init; }
    public DateOnly? RegisteredOn { get; init; }
    public DateOnly? ReportedOn { get; init; }

    /// <summary>Ten days after the judgment took effect (art. 13).</summary>
    public DateOnly? ReportDueOn { get; init; }
    public DateOnly IssuedOn { get; init; }
}

/// <summary>警告决定书 (art. 39): one warning, its ground, facts and evidence, and how many the subject now has.</summary>
public sealed record WarningDecisionData
{
    public required CorrectionOffices Offices { get; init; }
    public required CorrectionPerson Person { get; init; }
    public required string DecisionNumber { get; init; }
    public DateOnly IssuedOn { get; init; }
    public WarningGround Ground { get; init; }
    public required string Facts { get; init; }
    public required string Evidence { get; init; }

    /// <summary>This warning's place among the subject's warnings: 1 for the first.</summary>
    public int Ordinal { get; init; }
}

/// <summary>撤销缓刑/假释建议书 (art. 41) or 收监执行建议书 (art. 42).</summary>
public sealed record ProposalDocumentData
{
    public required CorrectionOffices Offices { get; init; }
    public required CorrectionPerson Person { get; init; }
    public ProposalKind Kind { get; init; }
    public required string DocumentNumber { get; init; }
    public DateOnly ProposedOn { get; init; }
    public required string SubmittedTo { get; init; }
    public required string Ground { get; init; }
    public required string Facts { get; init; }
    public DateOnly DecisionDueOn { get; init; }

    /// <summary>The warnings the subject had received by the day of the proposal, oldest first: number and date.</summary>
    public IReadOnlyList<(string DecisionNumber, DateOnly IssuedOn)> Warnings { get; init; } = [];
}

/// <summary>解除社区矫正证明书 (arts. 45–47), issued by the county to a released subject.</summary>
public sealed record ReleaseCertificateData
{
    public required CorrectionOffices Offices { get; init; }
    public required CorrectionPerson Person { get; init; }
    public required string CertificateNumber { get; init; }
    public DateOnly ReleasedOn { get; init; }
}

/// <summary>
/// 社区矫正月度统计表 of one month: a row per township (one row for a township's own sheet), never a name.
/// </summary>
public sealed record CorrectionStatisticsData
{
    public required string AreaName { get; init; }
    public int Year { get; init; }
    public int Month { get; init; }
    public required IReadOnlyList<CorrectionStatisticsRow> Rows { get; init; }

    /// <summary>The sum of <see cref="Rows"/>; printed as a row of its own when there is more than one township.</summary>
    public CorrectionStatisticsRow Total => CorrectionStatisticsRow.Sum("合计", Rows);

    /// <summary>Set while the month is still running: the figures are as of that day.</summary>
    public DateOnly? AsOf { get; init; }
    public required string IssuedBy { get; init; }
    public DateOnly IssuedOn { get; init; }
}

/// <summary>One township's figures of the month.</summary>
public sealed record CorrectionStatisticsRow(string Township)
{
    public int Control { get; init; }
    public int Probation { get; init; }
    public int Parole { get; init; }
    public int TemporaryOutOfPrison { get; init; }
    public int InCorrection => Control + Probation + Parole + TemporaryOutOfPrison;
    public int Minors { get; init; }
    public int Women { get; init; }
    public int New { get; init; }
    public int Released { get; init; }
    public int Terminated { get; init; }
    public int Warnings { get; init; }
    public int Proposals { get; init; }
    public int LeaveApproved { get; init; }

    /// <summary>Subjects who owed the month's hours (MonthlyActivity.IsOwed) and did fewer than eight.</summary>
    public int EducationShort { get; init; }
    public int ServiceShort { get; init; }

    public int Of(CorrectionType type) => type switch
    {
        CorrectionType.Control => Control,
        CorrectionType.Probation => Probation,
        CorrectionType.Parole => Parole,
        _ => TemporaryOutOfPrison,
    };

    public static CorrectionStatisticsRow Sum(string label, IEnumerable<CorrectionStatisticsRow> rows)
    {
        var all = rows.ToList();
        return new CorrectionStatisticsRow(label)
        {
            Control = all.Sum(r => r.Control), Probation = all.Sum(r => r.Probation), Parole = all.Sum(r => r.Parole),
            TemporaryOutOfPrison = all.Sum(r => r.TemporaryOutOfPrison), Minors = all.Sum(r => r.Minors), Women = all.Sum(r => r.Women),
            New = all.Sum(r => r.New), Released = all.Sum(r => r.Released), Terminated = all.Sum(r => r.Terminated),
            Warnings = all.Sum(r => r.Warnings), Proposals = all.Sum(r => r.Proposals), LeaveApproved = all.Sum(r => r.LeaveApproved),
            EducationShort = all.Sum(r => r.EducationShort), ServiceShort = all.Sum(r => r.ServiceShort),
        };
    }
}
