using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
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
        public int? TownshipId { get; init; }
        public int? VillageId { get; init; }
        public int? VillageGroupId { get; init; }
        public PovertyCategory? Category { get; init; }
        public PovertyCause? Cause { get; init; }
        public HouseholdStatus? Status { get; init; }
        public MonitoringType? MonitoringType { get; init; }
        public int? ExitYear { get; init; }

        /// <summary>The primary cause only (the dashboard's donut), where <see cref="Cause"/> also matches the secondary one.</summary>
        public PovertyCause? PrimaryCause { get; init; }

        /// <summary>Where the household stood at the end of <see cref="Year"/> (this year when no year is given): the dashboard's figures.</summary>
        public RegistryStanding? Standing { get; init; }
        public int? Year { get; init; }
        /// <summary>Income against the poverty line (issue 5): households whose income of <see cref="IncomeYear"/> carries it.</summary>
        public Domain.Income.IncomeWarning? IncomeWarning { get; init; }
        public int? IncomeYear { get; init; }

        /// <summary>两不愁三保障: households whose check of a year failed an item (or any item).</summary>
        public AssuranceFailure? Assurance { get; init; }

        /// <summary>One county, for a user whose scope holds several (the system administrator's dashboard).</summary>
        public int? CountyId { get; init; }

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
        var households = await FilterAsync(db, query, cancellationToken);
        var total = await households.CountAsync(cancellationToken);

        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = await Sort(households, query)
            .Skip(Math.Max(query.Page, 0) * pageSize)
            .Take(pageSize)
            .Select(h => new
            {
                h.Id,
                h.HouseholdNumber,
                h.VillageId,
                h.VillageGroupId,
                h.Category,
                h.PrimaryCause,
                h.Status,
                h.IdentificationYear,
                h.ExitYear,
                h.MonitoringType,
                h.IsRelocated,
            })
            .ToListAsync(cancellationToken);

        // Members, village and group names of this page only, in small queries of their own: as subqueries of the
        // page query they ran for every row skipped by the offset (PostgreSQL), and the head subquery made SQLite
        // number the heads of every household in scope.
        var ids = page.Select(h => h.Id).ToList();
        var members = (await db.Members
                .Where(m => ids.Contains(m.HouseholdId))
                .Select(m => new { m.Id, m.HouseholdId, m.Name, m.ResidentId, m.Relationship, m.IsDeceased })
                .ToListAsync(cancellationToken))
            .ToLookup(m => m.HouseholdId);
        var villageIds = page.Select(h => h.VillageId).Distinct().ToList();
        var villages = await db.Villages.Where(v => villageIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var groupIds = page.Select(h => h.VillageGroupId).OfType<int>().Distinct().ToList();
        var groups = await db.VillageGroups.Where(g => groupIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken);

        return new Result(page.Select(h =>
        {
            var head = members[h.Id].Where(m => m.Relationship == Relationship.Head).MinBy(m => m.Id);
            return new Row(h.Id, h.HouseholdNumber, villages.GetValueOrDefault(h.VillageId, ""),
                h.VillageGroupId is int groupId ? groups.GetValueOrDefault(groupId) : null, head?.Name,
                head is null ? null : ResidentId.Mask(head.ResidentId), members[h.Id].Count(m => !m.IsDeceased), h.Category,
                h.PrimaryCause, h.Status, h.IdentificationYear, h.ExitYear, h.MonitoringType, h.IsRelocated);
        }).ToList(), total);
    }

    internal static async Task<IQueryable<Household>> FilterAsync(PortalDbContext db, Query query, CancellationToken cancellationToken)
    {
        var households = WithScopeColumns(db.Households, db.Scope);
        if (query.CountyId is int county) households = households.Where(h => h.CountyId == county);
        if (query.TownshipId is int township) households = households.Where(h => h.TownshipId == township);
        if (query.VillageId is int village) households = households.Where(h => h.VillageId == village);
        if (query.VillageGroupId is int group) households = households.Where(h => h.VillageGroupId == group);
        if (query.Category is { } category) households = households.Where(h => h.Category == category);
        if (query.Cause is { } cause) households = households.Where(h => h.PrimaryCause == cause || h.SecondaryCause == cause);
        if (query.Status is { } status) households = households.Where(h => h.Status == status);
        if (query.MonitoringType is { } monitoring) households = households.Where(h => h.MonitoringType == monitoring);
        if (query.ExitYear is int year) households = households.Where(h => h.ExitYear == year);
        if (query.PrimaryCause is { } primary) households = households.Where(h => h.PrimaryCause == primary);
        if (query.Standing is { } standing) households = households.Where(RegistryStandings.Is(standing, query.Year ?? RegistryStandings.Now));
        if (query.IncomeWarning is { } warning)
        {
            households = await Income.IncomeWarningFilter.ApplyAsync(db, households, warning, query.IncomeYear, cancellationToken);
        }
        if (query.Assurance is { } assurance) households = assurance.Apply(db, households);

        var text = Normalize(query.Text);
        if (text.Length > 0)
        {
            // Each kind of text has its own index: household numbers and names by prefix, ID numbers whole or by their
            // last 4 characters. The union of the matching household ids keeps every branch on its index.
            var digits = text.All(c => char.IsAsciiDigit(c) || c == 'X');
            var tail = digits && text.Length == 4 ? text : null;
            var whole = digits && text.Length == 18 ? text : null;
            // SQLite's LIKE ignores case and so cannot use a (binary) index: there a prefix is the range [text, next)
            // in binary order. PostgreSQL's LIKE 'text%' uses the text_pattern_ops indexes, SQL Server's its own.
            var next = text[..^1] + (char)(text[^1] + 1);
            var numbers = WithScopeColumns(db.Households, db.Scope);
            var members = WithScopeColumns(db.Members, db.Scope);
            var byNumber = db.Database.IsSqlite()
                ? numbers.Where(h => string.Compare(h.HouseholdNumber, text) >= 0 && string.Compare(h.HouseholdNumber, next) < 0)
                : numbers.Where(h => h.HouseholdNumber.StartsWith(text));
            var byName = db.Database.IsSqlite()
                ? members.Where(m => string.Compare(m.Name, text) >= 0 && string.Compare(m.Name, next) < 0)
                : members.Where(m => m.Name.StartsWith(text));
            var byId = members.Where(m => m.ResidentIdTail == tail || m.ResidentId == whole).Select(m => m.HouseholdId);
            var matches = byNumber.Select(h => h.Id).Union(byName.Select(m => m.HouseholdId)).Union(byId);
            households = households.Where(h => matches.Contains(h.Id));
        }
        return households;
    }

    /// <summary>
    /// The query filter already keeps every row inside the user's scope, but as "unrestricted OR (CountyId = …)",
    /// which no database can seek on. Repeating the scope as plain equalities lets the indexes that lead with
    /// CountyId (and TownshipId) do the work; it never widens what the filter allows.
    /// </summary>
    internal static IQueryable<T> WithScopeColumns<T>(IQueryable<T> rows, AreaScope scope) where T : IAreaBound
    {
        if (scope.Unrestricted) return rows;
        if (scope.CountyId is int county) rows = rows.Where(e => e.CountyId == county);
        if (scope.TownshipId is int township) rows = rows.Where(e => e.TownshipId == township);
        if (scope.VillageId is int village) rows = rows.Where(e => e.VillageId == village);
        return rows;
    }

    /// <summary>
    /// Ties are broken by household number in the same direction, so that one ascending index
    /// (CountyId, column, HouseholdNumber) can be read forwards or backwards for either direction.
    /// Empty values of the nullable columns sort last in both directions, on SQLite and PostgreSQL alike
    /// (their own NULL orders differ).
    /// </summary>
    private static IOrderedQueryable<Household> Sort(IQueryable<Household> households, Query query) =>
        (query.Sort, query.Descending) switch
        {
            (SortField.Village, false) => households.OrderBy(h => h.VillageId).ThenBy(h => h.HouseholdNumber),
            (SortField.Village, true) => households.OrderByDescending(h => h.VillageId).ThenByDescending(h => h.HouseholdNumber),
            (SortField.Category, false) => households.OrderBy(h => h.Category == null).ThenBy(h => h.Category).ThenBy(h => h.HouseholdNumber),
            (SortField.Category, true) => households.OrderBy(h => h.Category == null).ThenByDescending(h => h.Category).ThenByDescending(h => h.HouseholdNumber),
            (SortField.Status, false) => households.OrderBy(h => h.Status).ThenBy(h => h.HouseholdNumber),
            (SortField.Status, true) => households.OrderByDescending(h => h.Status).ThenByDescending(h => h.HouseholdNumber),
            (SortField.ExitYear, false) => households.OrderBy(h => h.ExitYear == null).ThenBy(h => h.ExitYear).ThenBy(h => h.HouseholdNumber),
            (SortField.ExitYear, true) => households.OrderBy(h => h.ExitYear == null).ThenByDescending(h => h.ExitYear).ThenByDescending(h => h.HouseholdNumber),
            (SortField.IdentificationYear, false) => households.OrderBy(h => h.IdentificationYear == null).ThenBy(h => h.IdentificationYear).ThenBy(h => h.HouseholdNumber),
            (SortField.IdentificationYear, true) => households.OrderBy(h => h.IdentificationYear == null).ThenByDescending(h => h.IdentificationYear).ThenByDescending(h => h.HouseholdNumber),
            (_, true) => households.OrderByDescending(h => h.HouseholdNumber),
            _ => households.OrderBy(h => h.HouseholdNumber),
        };

    /// <summary>What people paste: full-width digits, spaces, a lowercase x.</summary>
    private static string Normalize(string? text) => ResidentId.Normalize(text);
}
