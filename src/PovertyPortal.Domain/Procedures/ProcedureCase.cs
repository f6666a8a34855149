using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Procedures;

/// <summary>
/// One procedure on one household (识别, 退出, 返贫, 纳入监测, 风险消除, 清退): proposed with its reason and evidence, reviewed by
/// the village (民主评议), publicised (公示), reviewed by the township and approved by the county. Only an approved case
/// changes the household (<see cref="ApplyTo"/>). Each step is a method that refuses in one Chinese sentence when the
/// case is not where the step belongs, so the pages and the tests ask the same rules.
/// </summary>
public class ProcedureCase : IAreaBound, IAuditable, IVersioned
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int HouseholdId { get; set; }

    public ProcedureKind Kind { get; set; }
    public ProcedureStage Stage { get; set; }

    public ProcedureSource Source { get; set; }

    /// <summary>The day the application was made or the clue found: the deadline counts from it.</summary>
    public DateOnly ClueOn { get; set; }

    /// <summary>The day the county must have decided by (county rules, fixed when the case is proposed).</summary>
    public DateOnly DueOn { get; set; }
    public string Reason { get; set; } = "";

    /// <summary>佐证材料: what the proposer has seen and holds (documents, visit records, department lists).</summary>
    public string Evidence { get; set; } = "";

    /// <summary>What the case would write, by kind: 识别 the category and cause, 退出 the exit year, 纳入监测 the type.</summary>
    public PovertyCategory? ProposedCategory { get; set; }
    public PovertyCause? ProposedCause { get; set; }
    public MonitoringType? ProposedMonitoringType { get; set; }
    public int? ProposedYear { get; set; }

    public string ProposedBy { get; set; } = "";
    public DateTimeOffset ProposedAt { get; set; }

    // 民主评议
    public DateOnly? VillageReviewOn { get; set; }
    public int? ReviewParticipants { get; set; }
    public int? VotesFor { get; set; }
    public int? VotesAgainst { get; set; }
    public int? VotesAbstaining { get; set; }

    /// <summary>Who took part (村两委、驻村工作队、党员和村民代表…), as the minutes list them.</summary>
    public string? ReviewAttendance { get; set; }
    public string? VillageReviewBy { get; set; }

    public int? PublicNoticeId { get; set; }
    public PublicNotice? Notice { get; set; }

    public DateOnly? TownshipReviewOn { get; set; }
    public string? TownshipReviewBy { get; set; }
    public string? TownshipOpinion { get; set; }

    public DateOnly? CountyDecisionOn { get; set; }
    public string? CountyDecisionBy { get; set; }
    public string? CountyOpinion { get; set; }

    /// <summary>The stage that sent the case back; resubmitting returns it there.</summary>
    public ProcedureStage? ReturnedFrom { get; set; }
    public string? RevisionRequest { get; set; }
    public int Revisions { get; set; }

    /// <summary>Why and by whom the case ended without approval (评议未通过, 不予通过, 撤回).</summary>
    public string? ClosingReason { get; set; }
    public DateOnly? ClosedOn { get; set; }

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public string Title => $"{Kind.Label()}程序";

    public bool IsOpen => Stage.IsOpen();

    public bool IsOverdue(DateOnly today) => IsOpen && today > DueOn;

    /// <summary>Whether the household's present standing allows a case of this kind (at proposal and again at approval).</summary>
    public static RuleResult Allows(ProcedureKind kind, Household h) => kind switch
    {
        ProcedureKind.Identification when h.Status is not (HouseholdStatus.NotRegistered or HouseholdStatus.Removed) =>
            RuleResult.Refused($"该户已是建档立卡户（{h.Status.Label()}），不能再识别"),
        ProcedureKind.Exit when h.Status is not (HouseholdStatus.Identified or HouseholdStatus.Returned) =>
            RuleResult.Refused($"只有未脱贫或返贫的建档立卡户可以退出，该户为“{h.Status.Label()}”"),
        ProcedureKind.Return when h.Status != HouseholdStatus.Exited =>
            RuleResult.Refused($"只有已脱贫户可以标注返贫，该户为“{h.Status.Label()}”"),
        ProcedureKind.Monitoring when h.Status == HouseholdStatus.Removed =>
            RuleResult.Refused("已清退的户不能纳入监测"),
        ProcedureKind.Monitoring when h.MonitoringType is not null && h.RiskEliminatedOn is null =>
            RuleResult.Refused("该户已是防止返贫监测对象，风险尚未消除"),
        ProcedureKind.RiskElimination when h.MonitoringType is null || h.RiskEliminatedOn is not null =>
            RuleResult.Refused("只有风险尚未消除的监测对象可以标注风险消除"),
        ProcedureKind.Removal when !h.IsRegisteredPoor =>
            RuleResult.Refused("只有建档立卡户可以清退"),
        _ => RuleResult.Ok,
    };

    /// <summary>Whether what the case proposes fits the household: a 脱贫不稳定户 has exited, a 边缘易致贫户 was never registered.</summary>
    public RuleResult CheckProposal(Household h)
    {
        if (Kind == ProcedureKind.Monitoring && ProposedMonitoringType == MonitoringType.UnstableExited && h.Status != HouseholdStatus.Exited)
            return RuleResult.Refused("脱贫不稳定户只能是已脱贫户，请选择其他监测对象类别");
        if (Kind == ProcedureKind.Monitoring && ProposedMonitoringType == MonitoringType.Marginal && h.IsRegisteredPoor)
            return RuleResult.Refused("边缘易致贫户是未建档立卡的农户，该户已建档立卡，请选择其他监测对象类别");
        if (Kind == ProcedureKind.Exit && ProposedYear < h.IdentificationYear)
            return RuleResult.Refused($"脱贫年度不能早于识别年度（{h.IdentificationYear}年）");
        return RuleResult.Ok;
    }

    /// <summary>民主评议: passes with more than half of those present voting for; otherwise the case ends here.</summary>
    public RuleResult RecordVillageReview(DateOnly on, int participants, int votesFor, int votesAgainst, int abstaining, string attendance, string by)
    {
        if (Stage != ProcedureStage.Proposed) return RuleResult.Refused($"该程序处于“{Stage.Label()}”阶段，不能再记录民主评议");
        if (on < ClueOn) return RuleResult.Refused("评议日期不能早于申请或发现日期");
        // A negative count would let the votes for exceed those present and still sum within them.
        if (participants < 1 || votesFor < 0 || votesAgainst < 0 || abstaining < 0) return RuleResult.Refused("参加评议人数须大于零，票数不能为负数");
        if (votesFor + votesAgainst + abstaining > participants) return RuleResult.Refused("赞成、反对和弃权票数之和不能超过参加评议人数");
        VillageReviewOn = on;
        ReviewParticipants = participants;
        (VotesFor, VotesAgainst, VotesAbstaining) = (votesFor, votesAgainst, abstaining);
        ReviewAttendance = attendance;
        VillageReviewBy = by;
        if (PassesVote(participants, votesFor))
        {
            Stage = ProcedureStage.VillageReviewed;
        }
        else
        {
            Close(ProcedureStage.Rejected, on, $"民主评议未通过（参加{participants}人，赞成{votesFor}票）");
        }
        return RuleResult.Ok;
    }

    public static bool PassesVote(int participants, int votesFor) => votesFor * 2 > participants;

    /// <summary>Listed on a village's 公示: the case must have passed its review, in the notice's village, before the notice.</summary>
    public RuleResult PublishOn(PublicNotice notice)
    {
        if (Stage != ProcedureStage.VillageReviewed) return RuleResult.Refused($"“{Stage.Label()}”的程序不能列入公示，须先通过民主评议");
        if (notice.VillageId != VillageId) return RuleResult.Refused("只能列入本村的公示");
        if (VillageReviewOn > notice.StartsOn) return RuleResult.Refused("公示开始日期不能早于民主评议日期");
        Notice = notice;
        PublicNoticeId = notice.Id == 0 ? null : notice.Id;
        Stage = ProcedureStage.Publicised;
        return RuleResult.Ok;
    }

    /// <summary>
    /// 乡镇审核: after the notice period has ended, with every objection answered, by someone other than the proposer.
    /// </summary>
    public RuleResult ReviewAtTownship(ReviewDecision decision, DateOnly on, string opinion, string by, PublicNotice? notice, int openObjections)
    {
        if (Stage != ProcedureStage.Publicised) return RuleResult.Refused($"该程序处于“{Stage.Label()}”阶段，不能进行乡镇审核");
        if (notice is null) return RuleResult.Refused("该程序没有公示记录，不能审核");
        if (on <= notice.EndsOn) return RuleResult.Refused($"公示期至{notice.EndsOn:yyyy年M月d日}，期满后方可审核");
        if (decision == ReviewDecision.Pass && openObjections > 0) return RuleResult.Refused($"公示期间有{openObjections}条异议尚未答复，答复后方可审核通过");
        if (SamePerson(by, ProposedBy)) return RuleResult.Refused("审核人不能是本程序的发起人");
        TownshipReviewOn = on;
        TownshipReviewBy = by;
        TownshipOpinion = opinion;
        return Decide(decision, ProcedureStage.AwaitingCounty, on, opinion, "乡镇审核");
    }

    /// <summary>县级审批: the last step; the approver is never the proposer (maker-checker) nor the township's reviewer.</summary>
    public RuleResult DecideAtCounty(ReviewDecision decision, DateOnly on, string opinion, string by, int openObjections)
    {
        if (Stage != ProcedureStage.AwaitingCounty) return RuleResult.Refused($"该程序处于“{Stage.Label()}”阶段，不能进行县级审批");
        if (SamePerson(by, ProposedBy)) return RuleResult.Refused("审批人不能是本程序的发起人");
        if (SamePerson(by, TownshipReviewBy)) return RuleResult.Refused("审批人不能是本程序的乡镇审核人");
        if (decision == ReviewDecision.Pass && openObjections > 0) return RuleResult.Refused($"有{openObjections}条公示异议尚未答复，不能批准");
        if (TownshipReviewOn is { } reviewed && on < reviewed) return RuleResult.Refused("审批日期不能早于乡镇审核日期");
        CountyDecisionOn = on;
        CountyDecisionBy = by;
        CountyOpinion = opinion;
        return Decide(decision, ProcedureStage.Approved, on, opinion, "县级审批");
    }

    /// <summary>退回修改 goes back to the proposer; the corrected case returns to the stage that sent it back.</summary>
    public RuleResult Resubmit(string by)
    {
        if (Stage != ProcedureStage.Revising || ReturnedFrom is not { } from) return RuleResult.Refused("只有退回修改的程序可以重新提交");
        _ = by;
        Stage = from;
        ReturnedFrom = null;
        Revisions++;
        return RuleResult.Ok;
    }

    /// <summary>The proposer (or their village or township) withdraws the case before the county has decided.</summary>
    public RuleResult Withdraw(DateOnly on, string reason)
    {
        if (!IsOpen) return RuleResult.Refused($"该程序已{Stage.Label()}，不能撤回");
        if (Stage == ProcedureStage.AwaitingCounty) return RuleResult.Refused("已报县级审批的程序不能撤回，可请县级退回修改");
        Close(ProcedureStage.Withdrawn, on, reason);
        return RuleResult.Ok;
    }

    /// <summary>
    /// Writes the approved case on the household: the standing it proposed, dated the day of approval, with a status
    /// step that names this case for the kinds that change the status.
    /// </summary>
    public RuleResult ApplyTo(Household h)
    {
        if (Stage != ProcedureStage.Approved || CountyDecisionOn is not { } on) return RuleResult.Refused("只有已批准的程序可以变更该户状态");
        if (Allows(Kind, h) is { Succeeded: false } refused) return refused;
        switch (Kind)
        {
            case ProcedureKind.Identification:
                h.Status = HouseholdStatus.Identified;
                h.Category = ProposedCategory;
                h.PrimaryCause = ProposedCause;
                h.IdentificationYear = ProposedYear ?? on.Year;
                h.ExitYear = null;
                AddStep(h, HouseholdStatus.Identified, on, h.IdentificationYear.Value, null);
                break;
            case ProcedureKind.Exit:
                h.Status = HouseholdStatus.Exited;
                h.ExitYear = ProposedYear ?? on.Year;
                AddStep(h, HouseholdStatus.Exited, on, h.ExitYear.Value, null);
                break;
            case ProcedureKind.Return:
                h.Status = HouseholdStatus.Returned;
                AddStep(h, HouseholdStatus.Returned, on, on.Year, null);
                break;
            case ProcedureKind.Removal:
                h.Status = HouseholdStatus.Removed;
                AddStep(h, HouseholdStatus.Removed, on, on.Year, Reason);
                break;
            case ProcedureKind.Monitoring:
                h.MonitoringType = ProposedMonitoringType;
                h.MonitoringIdentifiedOn = on;
                h.RiskEliminatedOn = null;
                break;
            case ProcedureKind.RiskElimination:
                h.RiskEliminatedOn = on;
                break;
        }
        return RuleResult.Ok;
    }

    private void AddStep(Household h, HouseholdStatus status, DateOnly on, int year, string? reason)
    {
        h.AddStatusStep(status, on, year, reason);
        h.StatusHistory[^1].ProcedureCase = this;
    }

    private RuleResult Decide(ReviewDecision decision, ProcedureStage next, DateOnly on, string opinion, string level)
    {
        switch (decision)
        {
            case ReviewDecision.Pass:
                Stage = next;
                break;
            case ReviewDecision.RequestRevision:
                ReturnedFrom = Stage;
                RevisionRequest = opinion;
                Stage = ProcedureStage.Revising;
                break;
            case ReviewDecision.Reject:
                Close(ProcedureStage.Rejected, on, $"{level}不予通过：{opinion}");
                break;
        }
        return RuleResult.Ok;
    }

    private void Close(ProcedureStage stage, DateOnly on, string reason)
    {
        Stage = stage;
        ClosedOn = on;
        ClosingReason = reason;
    }

    private static bool SamePerson(string? a, string? b) =>
        !string.IsNullOrEmpty(a) && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
