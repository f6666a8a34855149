using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Correction;

/// <summary>警告 (art. 39), given by the county with a written decision (警告决定书).</summary>
public class Warning : ICorrectionBound, IAuditable
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int SubjectId { get; set; }
    public DateOnly IssuedOn { get; set; }
    public WarningGround Ground { get; set; }
    public required string Facts { get; set; }
    public required string Evidence { get; set; }

    /// <summary>文书编号, e.g. 〔2026〕矫警字第3号.</summary>
    public required string DecisionNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}

/// <summary>撤销缓刑/假释建议 (art. 41) or 收监执行建议 (art. 42), and the decision that answers it.</summary>
public class CorrectionProposal : ICorrectionBound, IAuditable
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int SubjectId { get; set; }
    public ProposalKind Kind { get; set; }
    public DateOnly ProposedOn { get; set; }

    /// <summary>The ground in the article's words, as chosen.</summary>
    public required string Ground { get; set; }
    public required string Facts { get; set; }

    /// <summary>原裁判人民法院 or 批准、决定机关.</summary>
    public required string SubmittedTo { get; set; }
    public required string DocumentNumber { get; set; }

    /// <summary>By when the court or organ must decide: one month (art. 41) or fifteen days (art. 42) after it receives the proposal.</summary>
    public DateOnly DecisionDueOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public ProposalOutcome? Outcome { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static DateOnly DueAfter(ProposalKind kind, DateOnly proposedOn) =>
        kind == ProposalKind.Revocation ? proposedOn.AddMonths(1) : proposedOn.AddDays(15);
}

/// <summary>When the county must propose revocation or reimprisonment (arts. 41–42).</summary>
public static class DisciplineRules
{
    public const int WarningsForRevocation = 3;
    public const int WarningsForReimprisonment = 2;

    /// <summary>The proposal a subject of <paramref name="type"/> is liable to; none for 管制.</summary>
    public static ProposalKind? ProposalFor(CorrectionType type) => type switch
    {
        CorrectionType.Probation or CorrectionType.Parole => ProposalKind.Revocation,
        CorrectionType.TemporaryOutOfPrison => ProposalKind.Reimprisonment,
        _ => null,
    };

    public static int WarningThreshold(ProposalKind kind) =>
        kind == ProposalKind.Revocation ? WarningsForRevocation : WarningsForReimprisonment;

    /// <summary>
    /// Why a proposal is due now, or null: the warnings reached the article's count, or the subject is out of
    /// supervision (脱离监管): on probation or parole for more than a month (art. 41 item 二), out of prison at once
    /// (art. 42 item 二 sets no time). A proposal already made after the last warning answers it.
    /// </summary>
    public static string? ProposalDue(CorrectionType type, int warnings, DateOnly? abscondedSince, DateOnly today, bool proposalPending)
    {
        if (proposalPending || ProposalFor(type) is not { } kind) return null;
        if (warnings >= WarningThreshold(kind))
        {
            return kind == ProposalKind.Revocation
                ? $"已受到{warnings}次警告（第四十一条：三次警告仍不改正），应提出{kind.Label(type)}"
                : $"已受到{warnings}次警告（第四十二条：两次警告仍不改正），应提出收监执行建议";
        }
        if (abscondedSince is { } since && today > since.AddMonths(1))
        {
            return $"自{since:yyyy年M月d日}脱离监管超过一个月，应提出{kind.Label(type)}";
        }
        if (abscondedSince is { } gone && kind == ProposalKind.Reimprisonment)
        {
            return $"自{gone:yyyy年M月d日}脱离监管（第四十二条第二项），应提出收监执行建议";
        }
        return null;
    }
}
