using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// The household register, one page at a time: filtered, sorted and paged in the database, never loaded whole.
/// The scope filter of the context limits it to the user's area.
/// </summary>
public sealed class ListHouseholds(IDbContextFactory<PortalDbContext> dbFactory)
{
    public enum SortField
    {
        HouseholdNumber,
        Village,
        Category,
        Status,
        ExitYear,
        IdentificationYear,
    }

    public sealed record Query
    {
        public int? VillageId { get; init; }
        public int? VillageGroupId { get; init; }
        public PovertyCategory? Category { get; init; }
        public PovertyCause? Cause { get; init; }
        public HouseholdStatus? Status { get; init; }
        public MonitoringType? MonitoringType { get; init; }
        public int? ExitYear { get; init; }

        /// <summary>A household number (or its start), a member's name (or its start), or the last 4 characters of an ID.</summary>
        public string? Text { get; init; }
        public SortField Sort { get; init; } = SortField.HouseholdNumber;
        public bool Descending { get; init; }
        public int Page { get; init; }
        public int PageSize { get; init; } = 20;
    }

    public sealed record Row(
        int Id, string HouseholdNumber, string VillageName, string? GroupName, string? HeadName, string? HeadResidentIdMasked,
        int MemberCount, PovertyCategory? Category, PovertyCause? PrimaryCause, HouseholdStatus Status, int? IdentificationYear,
        int? ExitYear, MonitoringType? MonitoringType, bool IsRelocated);

    public sealed record Result(IReadOnlyList<Row> Rows, int TotalCount);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var households = Filter(db, query);
        var total = await households.CountAsync(cancellationToken);

        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = await Sort(households, query)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(h => new
            {
                h.Id,
                h.HouseholdNumber,
                Village = db.Villages.Where(v => v.Id == h.VillageId).Select(v => v.Name).FirstOrDefault(),
                Group = db.VillageGroups.Where(g => g.Id == h.VillageGroupId).Select(g => g.Name).FirstOrDefault(),
                Head = h.Members.Where(m => m.Relationship == Relationship.Head).Select(m => new { m.Name, m.ResidentId }).FirstOrDefault(),
                MemberCount = h.Members.Count(m => !m.IsDeceased),
                h.Category,
                h.PrimaryCause,
                h.Status,
                h.IdentificationYear,
                h.ExitYear,
                h.MonitoringType,
                h.IsRelocated,
            })
            .ToListAsync(cancellationToken);

        return new Result(page.Select(h => new Row(h.Id, h.HouseholdNumber, h.Village ?? "", h.Group, h.Head?.Name,
            h.Head is null ? null : ResidentId.Mask(h.Head.ResidentId), h.MemberCount, h.Category, h.PrimaryCause, h.Status,
            h.IdentificationYear, h.ExitYear, h.MonitoringType, h.IsRelocated)).ToList(), total);
    }

    private static IQueryable<Household> Filter(PortalDbContext db, Query query)
    {
        var households = db.Households.AsQueryable();
        if (query.VillageId is int village) households = households.Where(h => h.VillageId == village);
        if (query.VillageGroupId is int group) households = households.Where(h => h.VillageGroupId == group);
        if (query.Category is { } category) households = households.Where(h => h.Category == category);
        if (query.Cause is { } cause) households = households.Where(h => h.PrimaryCause == cause || h.SecondaryCause == cause);
        if (query.Status is { } status) households = households.Where(h => h.Status == status);
        if (query.MonitoringType is { } monitoring) households = households.Where(h => h.MonitoringType == monitoring);
        if (query.ExitYear is int year) households = households.Where(h => h.ExitYear == year);

        var text = Normalize(query.Text);
        if (text.Length > 0)
        {
            // Each kind of text uses an index: household numbers and names by prefix, ID numbers by their tail.
            var tail = text.Length == 4 && text.All(c => char.IsAsciiDigit(c) || c == 'X') ? text : null;
            var byMember = db.Members.Where(m => m.Name.StartsWith(text) || m.ResidentIdTail == tail).Select(m => m.HouseholdId);
            households = households.Where(h => h.HouseholdNumber.StartsWith(text) || byMember.Contains(h.Id));
        }
        return households;
    }

    /// <summary>Empty values sort last in both directions, on SQLite and PostgreSQL alike (their NULL orders differ).</summary>
    private static IOrderedQueryable<Household> Sort(IQueryable<Household> households, Query query) =>
        (query.Sort, query.Descending) switch
        {
            (SortField.Village, false) => households.OrderBy(h => h.VillageId).ThenBy(h => h.HouseholdNumber),
            (SortField.Village, true) => households.OrderByDescending(h => h.VillageId).ThenBy(h => h.HouseholdNumber),
            (SortField.Category, false) => households.OrderBy(h => h.Category == null).ThenBy(h => h.Category).ThenBy(h => h.HouseholdNumber),
            (SortField.Category, true) => households.OrderBy(h => h.Category == null).ThenByDescending(h => h.Category).ThenBy(h => h.HouseholdNumber),
            (SortField.Status, false) => households.OrderBy(h => h.Status).ThenBy(h => h.HouseholdNumber),
            (SortField.Status, true) => households.OrderByDescending(h => h.Status).ThenBy(h => h.HouseholdNumber),
            (SortField.ExitYear, false) => households.OrderBy(h => h.ExitYear == null).ThenBy(h => h.ExitYear).ThenBy(h => h.HouseholdNumber),
            (SortField.ExitYear, true) => households.OrderBy(h => h.ExitYear == null).ThenByDescending(h => h.ExitYear).ThenBy(h => h.HouseholdNumber),
            (SortField.IdentificationYear, false) => households.OrderBy(h => h.IdentificationYear == null).ThenBy(h => h.IdentificationYear).ThenBy(h => h.HouseholdNumber),
            (SortField.IdentificationYear, true) => households.OrderBy(h => h.IdentificationYear == null).ThenByDescending(h => h.IdentificationYear).ThenBy(h => h.HouseholdNumber),
            (_, true) => households.OrderByDescending(h => h.HouseholdNumber),
            _ => households.OrderBy(h => h.HouseholdNumber),
        };

    /// <summary>What people paste: full-width digits, spaces, a lowercase x.</summary>
    private static string Normalize(string? text) => ResidentId.Normalize(text);
}
