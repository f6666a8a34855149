using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Domain.Rectification;

/// <summary>Who acts on a problem: the account's id, the name the history shows, and the role the rules read.</summary>
public sealed record ProblemActor(string UserId, string Name, string Role);

/// <summary>Who must fix a problem and by when, as given when the problem is raised.</summary>
public sealed record ProblemAssignment(string? ResponsibleUnit, string? ResponsiblePerson, string? ResponsibleUserId, DateOnly Deadline)
{
    public RuleResult Check(DateOnly today) =>
        string.IsNullOrWhiteSpace(ResponsibleUnit) ? RuleResult.Refused("请填写整改责任单位")
        : string.IsNullOrWhiteSpace(ResponsiblePerson) ? RuleResult.Refused("请填写整改责任人")
        : Deadline < today ? RuleResult.Refused("整改时限不能早于今天")
        : RuleResult.Ok;
}

/// <summary>
/// 问题整改台账: one problem, from any source, about a household, a village or a whole township, with who must fix it
/// by when, the measures, the evidence, and its way through 待整改 → 整改中 → 已整改（待核验） → 已销号. Every change of
/// state goes through a method below, which checks the state and the actor's role and records a <see cref="ProblemStep"/>;
/// a refusal is a Chinese sentence. Overdue and due-soon are not stored: <see cref="ProblemDue"/> computes them.
/// </summary>
public class Problem : IAuditable, ITownshipBound, IVersioned
{
    /// <summary>回头看 after 30 days unless the county says otherwise.</summary>
    public const int DefaultRecheckAfterDays = 30;

    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }

    /// <summary>Null for a problem of the township as a whole.</summary>
    public int? VillageId { get; set; }

    /// <summary>Set for a problem of one household (its village is set too).</summary>
    public int? HouseholdId { get; set; }

    public ProblemSource Source { get; set; }

    /// <summary>Where in the source: "交叉检查发现问题 12", a comparison rule's name, a document number.</summary>
    public string? SourceReference { get; set; }

    /// <summary>The checklist area it belongs to, when it has one (every problem from cross-inspection does).</summary>
    public ChecklistArea? Area { get; set; }
    public string? ItemText { get; set; }
    public required string Description { get; set; }

    public required string ResponsibleUnit { get; set; }
    public required string ResponsiblePerson { get; set; }

    /// <summary>The responsible person's account, when they have one: they get the due and overdue alerts.</summary>
    public string? ResponsibleUserId { get; set; }

    /// <summary>The deadline first set; never changed, so that extensions stay visible.</summary>
    public DateOnly OriginalDeadline { get; set; }

    /// <summary>The deadline in force: the original or the last extension's.</summary>
    public DateOnly Deadline { get; set; }

    /// <summary>整改措施.</summary>
    public string? Measures { get; set; }
    public ProblemStatus Status { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly? StartedOn { get; set; }

    /// <summary>The last report of "fixed": when, by whom and in which role (the role decides who may close).</summary>
    public DateOnly? FixedOn { get; set; }
    public string? FixedByUserId { get; set; }
    public string? FixedByName { get; set; }
    public string? FixedByRole { get; set; }

    public DateOnly? ClosedOn { get; set; }
    public string? ClosedByUserId { get; set; }
    public string? ClosedByName { get; set; }

    /// <summary>核验意见 of the close.</summary>
    public string? CheckNote { get; set; }

    /// <summary>回头看: scheduled on closing, done once; a failed re-check reopens the problem.</summary>
    public DateOnly? RecheckDueOn { get; set; }
    public DateOnly? RecheckedOn { get; set; }
    public string? RecheckNote { get; set; }

    /// <summary>How many times the problem was reopened after a close (by hand or by a failed 回头看).</summary>
    public int ReopenCount { get; set; }

    public List<ProblemStep> Steps { get; set; } = [];
    public List<DeadlineExtension> Extensions { get; set; } = [];
    public List<ProblemEvidence> Evidence { get; set; } = [];

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsOpen => Status is ProblemStatus.Pending or ProblemStatus.InProgress;

    /// <summary>A new problem, 待整改, its deadline both original and in force.</summary>
    public static Problem Raise(
        ProblemSource source, int countyId, int townshipId, int? villageId, int? householdId, string description,
        ProblemAssignment assignment, DateOnly today)
    {
        if (householdId is not null && villageId is null) throw new ArgumentException("A household's problem needs its village", nameof(villageId));
        return new Problem
        {
            Source = source, CountyId = countyId, TownshipId = townshipId, VillageId = villageId, HouseholdId = householdId,
            Description = description.Trim(),
            ResponsibleUnit = assignment.ResponsibleUnit?.Trim() ?? "",
            ResponsiblePerson = assignment.ResponsiblePerson?.Trim() ?? "",
            ResponsibleUserId = assignment.ResponsibleUserId,
            OriginalDeadline = assignment.Deadline, Deadline = assignment.Deadline,
            Status = ProblemStatus.Pending, RaisedOn = today,
        };
    }

    /// <summary>The checks of a problem entered by hand, before <see cref="Raise"/>.</summary>
    public static IReadOnlyList<string> ValidateNew(string? description, int? villageId, int? householdId, ProblemAssignment assignment, DateOnly today)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(description)) errors.Add("请填写问题描述");
        if (householdId is not null && villageId is null) errors.Add("农户的问题须选择所在村");
        if (assignment.Check(today) is { Succeeded: false } refused) errors.Add(refused.Refusal!);
        return errors;
    }

    /// <summary>
    /// Why <paramref name="actor"/> may not take <paramref name="action"/> now, or null when they may: the state machine
    /// and the role rules in one place, for the methods below and for pages that show or hide a button. Missing input
    /// (a reason, the measures, evidence) is checked by the methods themselves.
    /// </summary>
    public string? WhyNot(ProblemAction action, ProblemActor actor)
    {
        if (PortalRoles.Rank(actor.Role) < 0) return "没有处理整改问题的权限";
        var state = Status.Label();
        return action switch
        {
            ProblemAction.Start => Status == ProblemStatus.Pending ? null : $"问题{state}，不能再开始整改",
            ProblemAction.MarkFixed => Status != ProblemStatus.InProgress
                    ? (Status == ProblemStatus.Pending ? "请先开始整改并填写整改措施" : $"问题{state}，不能报送整改完成")
                : actor.Role == PortalRoles.SystemAdmin ? "系统管理员之上没有可以核验的角色，不能报送整改完成"
                : null,
            ProblemAction.Reject or ProblemAction.Close => Status != ProblemStatus.Fixed
                    ? $"问题{state}，只有已整改（待核验）的问题可以{action.Label()}"
                : WhyNotChecker(actor),
            ProblemAction.Reopen => Status != ProblemStatus.Closed ? $"问题{state}，只有已销号的问题可以重新打开" : WhyNotChecker(actor),
            ProblemAction.Recheck => Status != ProblemStatus.Closed ? $"问题{state}，只有已销号的问题可以回头看"
                : RecheckedOn is not null ? $"该问题已于{RecheckedOn:yyyy年M月d日}回头看"
                : WhyNotChecker(actor),
            ProblemAction.ExtendDeadline => !IsOpen ? $"问题{state}，不能延期"
                : !PortalRoles.CanExtendProblemDeadlines(actor.Role) ? $"{PortalRoles.Label(actor.Role)}不能批准整改延期"
                : null,
            _ => "未知操作",
        };
    }

    /// <summary>
    /// The check (reject, close, reopen, re-check) belongs to a role above the one that reported the problem fixed, and
    /// never to the person who reported it: nobody signs off their own work.
    /// </summary>
    private string? WhyNotChecker(ProblemActor actor) =>
        actor.UserId == FixedByUserId ? "不能核验本人报送的整改"
        : !PortalRoles.Outranks(actor.Role, FixedByRole)
            ? $"须由{PortalRoles.Label(FixedByRole ?? "")}以上的角色核验（整改由{PortalRoles.Label(FixedByRole ?? "")}报送）"
        : null;

    /// <summary>开始整改: 待整改 → 整改中, with the measures.</summary>
    public RuleResult Start(ProblemActor actor, string? measures, TimeProvider clock)
    {
        if (WhyNot(ProblemAction.Start, actor) is { } why) return RuleResult.Refused(why);
        if (string.IsNullOrWhiteSpace(measures)) return RuleResult.Refused("请填写整改措施");
        Measures = measures.Trim();
        StartedOn = PortalYears.Today(clock);
        Move(ProblemAction.Start, ProblemStatus.InProgress, actor, null, clock);
        return RuleResult.Ok;
    }

    /// <summary>报送整改完成: 整改中 → 已整改（待核验）; needs at least one piece of evidence.</summary>
    public RuleResult MarkFixed(ProblemActor actor, string? note, TimeProvider clock)
    {
        if (WhyNot(ProblemAction.MarkFixed, actor) is { } why) return RuleResult.Refused(why);
        if (Evidence.Count == 0) return RuleResult.Refused("请先上传整改佐证材料");
        FixedOn = PortalYears.Today(clock);
        FixedByUserId = actor.UserId;
        FixedByName = actor.Name;
        FixedByRole = actor.Role;
        Move(ProblemAction.MarkFixed, ProblemStatus.Fixed, actor, note, clock);
        return RuleResult.Ok;
    }

    /// <summary>核验驳回: 已整改（待核验） → 整改中, with the reason.</summary>
    public RuleResult Reject(ProblemActor actor, string? reason, TimeProvider clock)
    {
        if (WhyNot(ProblemAction.Reject, actor) is { } why) return RuleResult.Refused(why);
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refused("请填写驳回理由");
        FixedOn = null;
        Move(ProblemAction.Reject, ProblemStatus.InProgress, actor, reason, clock);
        return RuleResult.Ok;
    }

    /// <summary>核验销号: 已整改（待核验） → 已销号, with the check's note; schedules 回头看 <paramref name="recheckAfterDays"/> days later.</summary>
    public RuleResult Close(ProblemActor actor, string? checkNote, int recheckAfterDays, TimeProvider clock)
    {
        if (WhyNot(ProblemAction.Close, actor) is { } why) return RuleResult.Refused(why);
        if (string.IsNullOrWhiteSpace(checkNote)) return RuleResult.Refused("请填写核验意见");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recheckAfterDays);
        var today = PortalYears.Today(clock);
        ClosedOn = today;
        ClosedByUserId = actor.UserId;
        ClosedByName = actor.Name;
        CheckNote = checkNote.Trim();
        RecheckDueOn = today.AddDays(recheckAfterDays);
        RecheckedOn = null;
        RecheckNote = null;
        Move(ProblemAction.Close, ProblemStatus.Closed, actor, checkNote, clock);
        return RuleResult.Ok;
    }

    /// <summary>重新打开: 已销号 → 整改中, with the reason.</summary>
    public RuleResult Reopen(ProblemActor actor, string? reason, TimeProvider clock)
    {
        if (WhyNot(ProblemAction.Reopen, actor) is { } why) return RuleResult.Refused(why);
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refused("请填写重新打开的理由");
        ReopenAfterClose(ProblemAction.Reopen, actor, reason, clock);
        return RuleResult.Ok;
    }

    /// <summary>
    /// 回头看: records the re-check of a closed problem. Passed, the problem stays closed and needs no further re-check;
    /// failed, it is reopened (→ 整改中) with the note as the reason.
    /// </summary>
    public RuleResult Recheck(ProblemActor actor, bool passed, string? note, TimeProvider clock)
    {
        if (WhyNot(ProblemAction.Recheck, actor) is { } why) return RuleResult.Refused(why);
        if (string.IsNullOrWhiteSpace(note)) return RuleResult.Refused(passed ? "请填写回头看情况" : "请填写回头看发现的问题");
        if (passed)
        {
            RecheckedOn = PortalYears.Today(clock);
            RecheckNote = note.Trim();
            Move(ProblemAction.Recheck, ProblemStatus.Closed, actor, note, clock);
        }
        else
        {
            ReopenAfterClose(ProblemAction.Recheck, actor, note, clock);
        }
        return RuleResult.Ok;
    }

    /// <summary>
    /// 整改延期: a later deadline with its reason. The original deadline stays as it was; every extension is kept with
    /// the deadline it replaced.
    /// </summary>
    public RuleResult ExtendDeadline(ProblemActor actor, DateOnly newDeadline, string? reason, TimeProvider clock)
    {
        if (WhyNot(ProblemAction.ExtendDeadline, actor) is { } why) return RuleResult.Refused(why);
        if (string.IsNullOrWhiteSpace(reason)) return RuleResult.Refused("请填写延期理由");
        if (newDeadline <= Deadline) return RuleResult.Refused($"新的整改时限须晚于现时限{Deadline:yyyy年M月d日}");
        Extensions.Add(new DeadlineExtension
        {
            ProblemId = Id, PreviousDeadline = Deadline, NewDeadline = newDeadline, Reason = reason.Trim(),
            At = clock.GetUtcNow(), ByUserId = actor.UserId, ByName = actor.Name,
        });
        Deadline = newDeadline;
        Move(ProblemAction.ExtendDeadline, Status, actor, reason, clock);
        return RuleResult.Ok;
    }

    /// <summary>Adds evidence (a text, an attachment or both) while the problem is being fixed.</summary>
    public RuleResult AddEvidence(ProblemActor actor, string? text, int? attachmentId, TimeProvider clock)
    {
        if (!IsOpen) return RuleResult.Refused($"问题{Status.Label()}，不能再添加佐证材料");
        if (string.IsNullOrWhiteSpace(text) && attachmentId is null) return RuleResult.Refused("请填写佐证说明或上传文件");
        Evidence.Add(new ProblemEvidence
        {
            ProblemId = Id, Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim(), AttachmentId = attachmentId,
            At = clock.GetUtcNow(), ByUserId = actor.UserId, ByName = actor.Name,
        });
        return RuleResult.Ok;
    }

    private void ReopenAfterClose(ProblemAction action, ProblemActor actor, string reason, TimeProvider clock)
    {
        // The close and the report it checked no longer hold; the next report starts the check afresh. The steps keep them.
        FixedOn = null;
        FixedByUserId = null;
        FixedByName = null;
        FixedByRole = null;
        ClosedOn = null;
        ClosedByUserId = null;
        ClosedByName = null;
        CheckNote = null;
        RecheckDueOn = null;
        RecheckedOn = null;
        RecheckNote = null;
        ReopenCount++;
        Move(action, ProblemStatus.InProgress, actor, reason, clock);
    }

    private void Move(ProblemAction action, ProblemStatus to, ProblemActor actor, string? note, TimeProvider clock)
    {
        Steps.Add(new ProblemStep
        {
            ProblemId = Id, Action = action, FromStatus = Status, ToStatus = to, At = clock.GetUtcNow(),
            ByUserId = actor.UserId, ByName = actor.Name, ByRole = actor.Role,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        });
        Status = to;
    }
}

/// <summary>One step of a problem's history: what was done, from which state to which, by whom, when, with which note.</summary>
public class ProblemStep
{
    public int Id { get; set; }
    public int ProblemId { get; set; }
    public ProblemAction Action { get; set; }
    public ProblemStatus FromStatus { get; set; }
    public ProblemStatus ToStatus { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ByUserId { get; set; }
    public required string ByName { get; set; }
    public required string ByRole { get; set; }
    public string? Note { get; set; }
}

/// <summary>整改延期: the deadline it replaced, the new one, and why.</summary>
public class DeadlineExtension
{
    public int Id { get; set; }
    public int ProblemId { get; set; }
    public DateOnly PreviousDeadline { get; set; }
    public DateOnly NewDeadline { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ByUserId { get; set; }
    public required string ByName { get; set; }
}

/// <summary>整改佐证: a text, a file of the attachment store, or both.</summary>
public class ProblemEvidence
{
    public int Id { get; set; }
    public int ProblemId { get; set; }
    public string? Text { get; set; }
    public int? AttachmentId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string ByUserId { get; set; }
    public required string ByName { get; set; }
}
