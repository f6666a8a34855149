using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Feeds;

/// <summary>One home-check task as the result form shows it: the person (ID masked), the department's facts, the household, the result so far.</summary>
public sealed class GetHomeCheck(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed record Result(int Id, string BatchTitle, FeedDepartment Department, FeedMatch Match, string PersonName, string ResidentIdMasked,
        int VillageId, string Village, int? HouseholdId, string? HouseholdNumber, string? HouseholdStanding, string Fact, string? Item, bool ItemHidden,
        DateOnly DueOn, bool Overdue, DateOnly? CheckedOn, string? Finding, HomeCheckOutcome? Outcome, string? CheckedBy, Guid Version)
    {
        /// <summary>The start of a monitoring case for a household the check suggests; null when there is none to start.</summary>
        public string? MonitoringCaseHref => Outcome == HomeCheckOutcome.SuggestMonitoring && HouseholdId is int h
            ? HomeCheckLinks.MonitoringCase(h, BatchTitle) : null;
    }

    public async Task<Result?> HandleAsync(int taskId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var task = await db.HomeCheckTasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null) return null;
        var village = await db.Villages.AsNoTracking().Where(v => v.Id == task.VillageId).Select(v => v.Township!.Name + v.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        var household = task.HouseholdId is int id
            ? await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.HouseholdNumber, h.Status, h.MonitoringType }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var titles = await ListHomeChecks.BatchTitlesAsync(db, [task.FeedBatchId], cancellationToken);
        var hideItem = FeedFields.ItemIsHealth(task.Department) && !PortalRoles.CanSeeHealthData(currentUser.Role);
        var standing = household is null ? null
            : household.MonitoringType is { } m ? $"{household.Status.Label()}，{m.Label()}" : household.Status.Label();
        return new Result(task.Id, titles.GetValueOrDefault(task.FeedBatchId, ""), task.Department, task.Match, task.PersonName,
            ResidentId.Mask(task.ResidentId), task.VillageId, village, household is null ? null : task.HouseholdId, household?.HouseholdNumber, standing,
            task.Fact, hideItem ? null : task.Item, hideItem && task.Item is not null, task.DueOn, task.IsOverdue(PortalYears.Today(clock)),
            task.CheckedOn, task.Finding, task.Outcome, task.UpdatedBy, task.Version);
    }
}

/// <summary>Where a home check leads: a monitoring case for a household in the register, the village's households for a person not yet in it.</summary>
public static class HomeCheckLinks
{
    /// <summary>The new-procedure page of issue 20's procedures, with the household, the kind and the clue filled in.</summary>
    public static string MonitoringCase(int householdId, string batchTitle) =>
        $"/procedures/new?household={householdId}&kind=Monitoring&clue={Uri.EscapeDataString(batchTitle + "入户核实")}";

    public static string VillageHouseholds(int villageId) => $"/households?village={villageId}";
}
