using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>Everything entered for a village's work, for its page: projects, industries and income of all years.</summary>
public sealed class ListVillageWork(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Result(int VillageId, string VillageName, IReadOnlyList<VillageProject> Projects,
        IReadOnlyList<IndustryRecord> Industries, IReadOnlyList<CollectiveIncomeEntry> Income, IReadOnlyDictionary<int, int> ProjectAttachments);

    public async Task<Result?> HandleAsync(int villageId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.Where(v => v.Id == villageId).Select(v => new { v.Id, v.Name }).FirstOrDefaultAsync(cancellationToken);
        if (village is null) return null;
        var projects = await db.VillageProjects.AsNoTracking().Where(p => p.VillageId == villageId)
            .OrderByDescending(p => p.CompletionDate).ThenBy(p => p.Type).ToListAsync(cancellationToken);
        var industries = await db.IndustryRecords.AsNoTracking().Where(i => i.VillageId == villageId)
            .OrderByDescending(i => i.Year).ThenBy(i => i.Kind).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var income = await db.CollectiveIncomeEntries.AsNoTracking().Where(e => e.VillageId == villageId)
            .OrderByDescending(e => e.Year).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var attachments = await db.Attachments.Where(a => a.VillageId == villageId && a.OwnerType == AttachmentOwner.Project)
            .GroupBy(a => a.OwnerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return new Result(village.Id, village.Name, projects, industries, income, attachments);
    }
}
