using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>A village's work logs of one year, newest first, with the households visited.</summary>
public sealed class ListWorkLogs(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Row(int Id, DateOnly Date, WorkLogType Type, string Participants, string Summary,
        IReadOnlyList<VisitedHousehold> Households, int Attachments, Guid Version = default);

    public sealed record VisitedHousehold(int Id, string HouseholdNumber, string? HeadName);

    public async Task<IReadOnlyList<Row>> HandleAsync(int villageId, int year, WorkLogType? type, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var query = db.WorkLogs.Where(l => l.VillageId == villageId && l.Date >= from && l.Date <= to);
        if (type is { } t) query = query.Where(l => l.Type == t);
        var rows = await query.OrderByDescending(l => l.Date).ThenByDescending(l => l.Id).Take(500)
            .Select(l => new
            {
                l.Id, l.Version, l.Date, l.Type, l.Participants, l.Summary,
                Households = l.Households.Select(h => h.HouseholdId).ToList(),
                Attachments = db.Attachments.Count(a => a.OwnerType == Domain.VillageWork.AttachmentOwner.WorkLog && a.OwnerId == l.Id),
            })
            .ToListAsync(cancellationToken);
        var ids = rows.SelectMany(r => r.Households).Distinct().ToList();
        var households = await db.Households.Where(h => ids.Contains(h.Id))
            .Select(h => new VisitedHousehold(h.Id, h.HouseholdNumber, h.Members.Where(m => m.Relationship == Domain.Households.Relationship.Head).Select(m => m.Name).FirstOrDefault()))
            .ToDictionaryAsync(h => h.Id, cancellationToken);
        return rows.Select(r => new Row(r.Id, r.Date, r.Type, r.Participants, r.Summary,
            r.Households.Where(households.ContainsKey).Select(h => households[h]).ToList(), r.Attachments, r.Version)).ToList();
    }
}
