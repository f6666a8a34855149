namespace PovertyPortal.Domain.Procedures;

/// <summary>The procedures that change a household's standing; each runs as a <see cref="ProcedureCase"/>.</summary>
public enum ProcedureKind
{
    /// <summary>识别: a household becomes 建档立卡.</summary>
    Identification,

    /// <summary>退出 (标注脱贫).</summary>
    Exit,

    /// <summary>返贫.</summary>
    Return,

    /// <summary>纳入监测 (防止返贫监测对象).</summary>
    Monitoring,

    /// <summary>风险消除.</summary>
    RiskElimination,

    /// <summary>清退.</summary>
    Removal,
}

/// <summary>Where a case stands: 民主评议, 公示, 乡镇审核, 县级审批, and the ends.</summary>
public enum ProcedureStage
{
    /// <summary>已提出，待民主评议.</summary>
    Proposed,

    /// <summary>评议通过，待公示.</summary>
    VillageReviewed,

    /// <summary>公示中; after the notice period, awaits the township's review.</summary>
    Publicised,

    /// <summary>乡镇审核通过，待县级审批.</summary>
    AwaitingCounty,

    /// <summary>退回修改: back with the proposer, returns to the stage that sent it back.</summary>
    Revising,

    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>How the case came about.</summary>
public enum ProcedureSource
{
    /// <summary>农户申请.</summary>
    Application,

    /// <summary>村级排查 / 干部走访发现.</summary>
    VillageScreening,

    /// <summary>部门预警信息 (入户核实后发起).</summary>
    DepartmentFeed,

    /// <summary>上级交办或其他.</summary>
    Other,
}

/// <summary>A reviewer's answer: pass, send back for revision (the case goes on), or reject (the case ends).</summary>
public enum ReviewDecision
{
    Pass,
    RequestRevision,
    Reject,
}

public static class ProcedureLabels
{
    public static string Label(this ProcedureKind kind) => kind switch
    {
        ProcedureKind.Identification => "识别",
        ProcedureKind.Exit => "退出",
        ProcedureKind.Return => "返贫",
        ProcedureKind.Monitoring => "纳入监测",
        ProcedureKind.RiskElimination => "风险消除",
        ProcedureKind.Removal => "清退",
        _ => kind.ToString(),
    };

    /// <summary>The heading of a 公示 listing cases of this kind.</summary>
    public static string NoticeHeading(this ProcedureKind kind) => kind switch
    {
        ProcedureKind.Identification => "拟识别为建档立卡贫困户",
        ProcedureKind.Exit => "拟退出（标注脱贫）户",
        ProcedureKind.Return => "拟标注返贫户",
        ProcedureKind.Monitoring => "拟纳入防止返贫监测对象",
        ProcedureKind.RiskElimination => "拟标注风险消除的监测对象",
        ProcedureKind.Removal => "拟清退户",
        _ => kind.ToString(),
    };

    public static string Label(this ProcedureStage stage) => stage switch
    {
        ProcedureStage.Proposed => "待民主评议",
        ProcedureStage.VillageReviewed => "待公示",
        ProcedureStage.Publicised => "公示中",
        ProcedureStage.AwaitingCounty => "待县级审批",
        ProcedureStage.Revising => "退回修改",
        ProcedureStage.Approved => "已批准",
        ProcedureStage.Rejected => "未通过",
        ProcedureStage.Withdrawn => "已撤回",
        _ => stage.ToString(),
    };

    public static string Label(this ProcedureSource source) => source switch
    {
        ProcedureSource.Application => "农户申请",
        ProcedureSource.VillageScreening => "村级排查发现",
        ProcedureSource.DepartmentFeed => "部门预警信息",
        ProcedureSource.Other => "上级交办或其他",
        _ => source.ToString(),
    };

    public static string Label(this ReviewDecision decision) => decision switch
    {
        ReviewDecision.Pass => "通过",
        ReviewDecision.RequestRevision => "退回修改",
        ReviewDecision.Reject => "不予通过",
        _ => decision.ToString(),
    };

    public static bool IsOpen(this ProcedureStage stage) => stage is not (ProcedureStage.Approved or ProcedureStage.Rejected or ProcedureStage.Withdrawn);
}
