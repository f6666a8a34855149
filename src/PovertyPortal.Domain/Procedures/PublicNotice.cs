using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Procedures;

/// <summary>
/// 公示: one village's notice of one batch of cases, posted on the village board for the county's notice period. It
/// prints name, group, category and reason only (<see cref="PublicNoticeLine"/>); objections are recorded against it
/// and each must be answered before the cases it names can be approved.
/// </summary>
public class PublicNotice : IAreaBound, IAuditable, IVersioned
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }

    /// <summary>批次: the village's running number of its notices in the year (2026年第3批).</summary>
    public int Year { get; set; }
    public int Batch { get; set; }

    public DateOnly StartsOn { get; set; }
    public DateOnly EndsOn { get; set; }

    /// <summary>Where objections go: the village's or township's office and phone, as printed on the notice.</summary>
    public string Contact { get; set; } = "";
    public string PostedBy { get; set; } = "";

    public List<NoticeObjection> Objections { get; set; } = [];

    public Guid Version { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public string BatchLabel => $"{Year}年第{Batch}批";

    public int Days => EndsOn.DayNumber - StartsOn.DayNumber + 1;

    public bool HasEnded(DateOnly today) => today > EndsOn;

    /// <summary>The period and its floor: at least the county's notice days, and never fewer than the national five.</summary>
    public static RuleResult CheckPeriod(DateOnly startsOn, DateOnly endsOn, int noticeDays)
    {
        if (endsOn < startsOn) return RuleResult.Refused("公示结束日期不能早于开始日期");
        var days = endsOn.DayNumber - startsOn.DayNumber + 1;
        var floor = Math.Max(noticeDays, ProcedureRules.MinimumNoticeDays);
        if (days < floor) return RuleResult.Refused($"公示期不少于{floor}天（本县规定），当前为{days}天");
        return RuleResult.Ok;
    }
}

/// <summary>An objection to one case of a notice, and its answer (核实情况及处理意见).</summary>
public class NoticeObjection : IAreaBound, IAuditable
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int PublicNoticeId { get; set; }
    public int ProcedureCaseId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    /// <summary>Who objected, as they gave it; may be 匿名.</summary>
    public string Objector { get; set; } = "";
    public string Content { get; set; } = "";

    public string? Answer { get; set; }
    public DateOnly? AnsweredOn { get; set; }
    public string? AnsweredBy { get; set; }

    /// <summary>Whether the check found the objection well founded (异议成立): the case is then usually sent back or rejected.</summary>
    public bool? Upheld { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public bool IsOpen => Answer is null;

    public RuleResult Answered(DateOnly on, string answer, bool upheld, string by)
    {
        if (!IsOpen) return RuleResult.Refused("该异议已答复");
        // An empty answer would close the objection and let the case be approved over it.
        if (string.IsNullOrWhiteSpace(answer)) return RuleResult.Refused("请填写核实情况及处理意见");
        if (on < ReceivedOn) return RuleResult.Refused("答复日期不能早于收到异议的日期");
        (AnsweredOn, Answer, Upheld, AnsweredBy) = (on, answer, upheld, by);
        return RuleResult.Ok;
    }
}

/// <summary>
/// One line of a printed 公示, and all it may carry: never an ID number, phone, bank account or health detail.
/// The type is the whitelist: the notice composer has nothing else to print.
/// </summary>
public sealed record PublicNoticeLine(ProcedureKind Kind, string HeadName, string? Group, int Members, string Category, string Reason)
{
    /// <summary>
    /// 公示事由 in set words, never the case's own reason: that is free text and may name an illness or an account.
    /// The poverty cause is printed as its category (因学, 缺技术), which notices carry by custom, except a health one.
    /// </summary>
    public static string ReasonOf(ProcedureCase c) => c.Kind switch
    {
        // 因病 and 因残 would tell the village of an illness or a disability: those notices give no cause.
        ProcedureKind.Identification => c.ProposedCause is { } cause and not (PovertyCause.Illness or PovertyCause.Disability)
            ? $"经申请和评议，主要致贫原因为{cause.Label()}" : "经申请和评议，符合识别条件",
        ProcedureKind.Exit => $"{(c.ProposedYear is { } year ? $"{year}年" : "")}人均纯收入稳定超过标准，“两不愁三保障”达标",
        ProcedureKind.Return => "经核实家庭收入低于标准或“两不愁三保障”出现问题",
        ProcedureKind.Monitoring => c.ProposedMonitoringType is { } type ? $"经核实存在返贫致贫风险，拟纳入{type.Label()}" : "经核实存在返贫致贫风险",
        ProcedureKind.RiskElimination => "收入持续稳定，“两不愁三保障”和饮水安全巩固，返贫致贫风险已消除",
        ProcedureKind.Removal => "经核实不符合建档立卡条件",
        _ => "",
    };
}
