using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Tests.Procedures;

/// <summary>
/// The households, notices and people the procedure rule tests share. A case reaches its stage through the domain's
/// own step methods, so a test of a late step also walks the earlier ones.
/// </summary>
internal static class ProcedureCases
{
    public const int Village = 30;
    public const string Proposer = "village.li";
    public const string VillageClerk = "village.zhang";
    public const string TownshipReviewer = "township.wang";
    public const string CountyApprover = "county.zhao";

    public static readonly DateOnly Clue = new(2026, 3, 2);
    public static readonly DateOnly ReviewDay = new(2026, 3, 6);
    public static readonly DateOnly NoticeStart = new(2026, 3, 9);
    public static readonly DateOnly NoticeEnd = new(2026, 3, 13);
    public static readonly DateOnly TownshipDay = new(2026, 3, 16);
    public static readonly DateOnly CountyDay = new(2026, 3, 20);

    public static void Ok(RuleResult result) => Assert.True(result.Succeeded, result.Refusal);

    public static string Refused(RuleResult result)
    {
        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Refusal));
        return result.Refusal!;
    }

    public static Household Household(HouseholdStatus status, MonitoringType? monitoring = null, DateOnly? riskEliminatedOn = null) => new()
    {
        Id = 501, CountyId = 1, TownshipId = 10, VillageId = Village, HouseholdNumber = "522601001001",
        Status = status, Category = status == HouseholdStatus.NotRegistered ? null : PovertyCategory.General,
        IdentificationYear = status == HouseholdStatus.NotRegistered ? null : 2016,
        ExitYear = status == HouseholdStatus.Exited ? 2019 : null,
        MonitoringType = monitoring,
        MonitoringIdentifiedOn = monitoring is null ? null : new DateOnly(2024, 4, 1),
        RiskEliminatedOn = riskEliminatedOn,
    };

    /// <summary>What a proposal of each kind carries for the household it suits best.</summary>
    public static ProcedureCase Proposed(ProcedureKind kind, string reason = "经入户核实，家庭收支情况已登记") => new()
    {
        Id = 77, CountyId = 1, TownshipId = 10, VillageId = Village, HouseholdId = 501,
        Kind = kind, Stage = ProcedureStage.Proposed, Source = ProcedureSource.Application,
        ClueOn = Clue, DueOn = ProcedureRules.Defaults(1).DueOn(kind, Clue), Reason = reason, Evidence = "入户走访记录、收入核算表",
        ProposedCategory = kind == ProcedureKind.Identification ? PovertyCategory.Dibao : null,
        ProposedCause = kind == ProcedureKind.Identification ? PovertyCause.LackOfLabour : null,
        ProposedMonitoringType = kind == ProcedureKind.Monitoring ? MonitoringType.Marginal : null,
        ProposedYear = kind is ProcedureKind.Identification or ProcedureKind.Exit ? 2026 : null,
        ProposedBy = Proposer, ProposedAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(8)),
    };

    /// <summary>The household whose standing a case of <paramref name="kind"/> suits.</summary>
    public static Household SuitedTo(ProcedureKind kind) => kind switch
    {
        ProcedureKind.Identification => Household(HouseholdStatus.NotRegistered),
        ProcedureKind.Exit => Household(HouseholdStatus.Identified),
        ProcedureKind.Return => Household(HouseholdStatus.Exited),
        ProcedureKind.Monitoring => Household(HouseholdStatus.Exited),
        ProcedureKind.RiskElimination => Household(HouseholdStatus.Exited, MonitoringType.UnstableExited),
        _ => Household(HouseholdStatus.Identified),
    };

    public static PublicNotice Notice(int village = Village, DateOnly? startsOn = null, DateOnly? endsOn = null) => new()
    {
        Id = 12, CountyId = 1, TownshipId = 10, VillageId = village, Year = 2026, Batch = 3,
        StartsOn = startsOn ?? NoticeStart, EndsOn = endsOn ?? NoticeEnd, Contact = "村委会办公室", PostedBy = VillageClerk,
    };

    public static ProcedureCase Reviewed(ProcedureKind kind = ProcedureKind.Exit)
    {
        var c = Proposed(kind);
        Ok(c.RecordVillageReview(ReviewDay, 21, 15, 4, 2, "村两委成员、驻村工作队、党员和村民代表", VillageClerk));
        return c;
    }

    public static ProcedureCase Publicised(ProcedureKind kind = ProcedureKind.Exit)
    {
        var c = Reviewed(kind);
        Ok(c.PublishOn(Notice()));
        return c;
    }

    public static ProcedureCase AtCounty(ProcedureKind kind = ProcedureKind.Exit)
    {
        var c = Publicised(kind);
        Ok(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay, "经核实，情况属实", TownshipReviewer, Notice(), 0));
        return c;
    }

    public static ProcedureCase Approved(ProcedureKind kind = ProcedureKind.Exit)
    {
        var c = AtCounty(kind);
        Ok(c.DecideAtCounty(ReviewDecision.Pass, CountyDay, "同意", CountyApprover, 0));
        return c;
    }

    public static ProcedureCase SentBackByTheTownship()
    {
        var c = Publicised();
        Ok(c.ReviewAtTownship(ReviewDecision.RequestRevision, TownshipDay, "补充材料", TownshipReviewer, Notice(), 0));
        return c;
    }

    /// <summary>An exit case at an open stage or approved, as the steps bring it there.</summary>
    public static ProcedureCase At(ProcedureStage stage) => stage switch
    {
        ProcedureStage.Proposed => Proposed(ProcedureKind.Exit),
        ProcedureStage.VillageReviewed => Reviewed(),
        ProcedureStage.Publicised => Publicised(),
        ProcedureStage.AwaitingCounty => AtCounty(),
        ProcedureStage.Revising => SentBackByTheTownship(),
        ProcedureStage.Approved => Approved(),
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
