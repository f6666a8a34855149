using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Tests.Rectification;

/// <summary>The people and problems the ledger's tests share.</summary>
internal static class Problems
{
    public static readonly ProblemActor Admin = new("u-admin", "系统管理员", PortalRoles.SystemAdmin);
    public static readonly ProblemActor County = new("u-county", "何督导", PortalRoles.CountySupervisor);
    public static readonly ProblemActor Township = new("u-township", "李乡长", PortalRoles.TownshipOfficial);
    public static readonly ProblemActor Leader = new("u-leader", "张队长", PortalRoles.WorkTeamLeader);
    public static readonly ProblemActor Member = new("u-member", "王队员", PortalRoles.WorkTeamMember);

    public static IReadOnlyList<ProblemActor> Everyone => [Admin, County, Township, Leader, Member];

    public static ProblemActor ByRole(string role) => Everyone.Single(a => a.Role == role);

    public static readonly DateOnly Today = new(2026, 5, 10);

    /// <summary>10:00 in Beijing on <see cref="Today"/>.</summary>
    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 5, 10, 2, 0, 0, TimeSpan.Zero));

    public static Problem New(DateOnly? deadline = null) => Problem.Raise(
        ProblemSource.CrossInspection, countyId: 1, townshipId: 2, villageId: 3, householdId: 4, "住房安全认定资料缺失",
        new ProblemAssignment("栗子湾村驻村工作队", "张队长", Leader.UserId, deadline ?? Today.AddDays(20)), Today);

    /// <summary>A problem brought to <paramref name="status"/> through the ledger's own methods, reported fixed by <paramref name="fixer"/>.</summary>
    public static Problem In(ProblemStatus status, ProblemActor? fixer = null, TimeProvider? clock = null)
    {
        clock ??= Clock();
        fixer ??= Township;
        var problem = New();
        if (status == ProblemStatus.Pending) return problem;
        Ok(problem.Start(fixer, "补齐鉴定表并入档", clock));
        Ok(problem.AddEvidence(fixer, "鉴定表已补录", null, clock));
        if (status == ProblemStatus.InProgress) return problem;
        Ok(problem.MarkFixed(fixer, "已补齐", clock));
        if (status == ProblemStatus.Fixed) return problem;
        // The nearest role above the reporter closes it (the administrator only above a county supervisor).
        var checker = Everyone.Last(a => PortalRoles.Outranks(a.Role, fixer.Role));
        Ok(problem.Close(checker, "资料齐全，核验属实", Problem.DefaultRecheckAfterDays, clock));
        return problem;
    }

    public static void Ok(PovertyPortal.Domain.Common.RuleResult result) => Assert.True(result.Succeeded, result.Refusal);
}
