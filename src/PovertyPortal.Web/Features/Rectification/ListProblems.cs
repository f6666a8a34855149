using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// 问题整改台账, one page at a time: filtered and paged in the database, inside the user's scope (the query filter).
/// Overdue and due soon are asked of the deadline against today in Beijing (<see cref="ProblemDue"/>), never read
/// from a stored flag.
/// </summary>
public sealed class ListProblems(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public enum Due
    {
        Overdue,
        DueSoon,
    }

    public sealed record Query
    {
        public int? TownshipId { get; init; }
        public int? VillageId { get; init; }
        public ProblemStatus? Status { get; init; }

        /// <summary>待整改 and 整改中 together: the dashboard's "open".</summary>
        public bool OpenOnly { get; init; }
        public ProblemSource? Source { get; init; }
        public ChecklistArea? Area { get; init; }
        public Due? Due { get; init; }

        /// <summary>Only the problems whose responsible account is the signed-in user (我负责的).</summary>
        public bool MineOnly { get; init; }

        /// <summary>Part of the description, the responsible unit or person, or the source's reference.</summary>
        public string? Text { get; init; }
        public int Page { get; init; }
        public int PageSize { get; init; } = 20;
    }

    public sealed record Row(
        int Id, string Description, ProblemSource Source, ChecklistArea? Area, string TownshipName, string? VillageName,
        string? HouseholdNumber, string ResponsibleUnit, string ResponsiblePerson, DateOnly OriginalDeadline, DateOnly Deadline,
        ProblemStatus Status, DueStanding Standing, string DueText);

    public sealed record Result(IReadOnlyList<Row> Rows, int TotalCount);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalYears.Today(clock);
        var problems = Filter(db, query, today, currentUser.UserId);
        var total = await problems.CountAsync(cancellationToken);
        var pageSize = Math.Clamp(query.PageSize, 1, 200);
        var page = await Ordered(problems).Skip(Math.Max(query.Page, 0) * pageSize).Take(pageSize)
            .AsNoTracking().ToListAsync(cancellationToken);
        return new Result(await RowsAsync(db, page, today, cancellationToken), total);
    }

    /// <summary>Every row of the filter, in the list's order, a batch at a time (the export).</summary>
    internal static async IAsyncEnumerable<Row> AllAsync(PortalDbContext db, Query query, DateOnly today, string? userId,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int batch = 500;
        for (var skip = 0; ; skip += batch)
        {
            var page = await Ordered(Filter(db, query, today, userId)).Skip(skip).Take(batch).AsNoTracking().ToListAsync(cancellationToken);
            foreach (var row in await RowsAsync(db, page, today, cancellationToken)) yield return row;
            if (page.Count < batch) yield break;
        }
    }

    internal static IQueryable<Problem> Filter(PortalDbContext db, Query query, DateOnly today, string? userId)
    {
        var problems = db.Problems.AsQueryable();
        // The scope filter already limits the rows; repeating it as equalities lets the (CountyId, TownshipId, …) index seek.
        if (!db.Scope.Unrestricted)
        {
            if (db.Scope.CountyId is int county) problems = problems.Where(p => p.CountyId == county);
            if (db.Scope.TownshipId is int scopeTownship) problems = problems.Where(p => p.TownshipId == scopeTownship);
        }
        if (query.TownshipId is int township) problems = problems.Where(p => p.TownshipId == township);
        if (query.VillageId is int village) problems = problems.Where(p => p.VillageId == village);
        if (query.Status is { } status) problems = problems.Where(p => p.Status == status);
        if (query.OpenOnly) problems = problems.Where(p => p.Status == ProblemStatus.Pending || p.Status == ProblemStatus.InProgress);
        if (query.Source is { } source) problems = problems.Where(p => p.Source == source);
        if (query.Area is { } area) problems = problems.Where(p => p.Area == area);
        if (query.Due == Due.Overdue) problems = problems.Where(ProblemDue.IsOverdue(today));
        if (query.Due == Due.DueSoon) problems = problems.Where(ProblemDue.IsDueSoon(today));
        if (query.MineOnly) problems = problems.Where(p => p.ResponsibleUserId == (userId ?? ""));
        if (query.Text?.Trim() is { Length: > 0 } text)
        {
            problems = problems.Where(p => p.Description.Contains(text) || p.ResponsibleUnit.Contains(text)
                || p.ResponsiblePerson.Contains(text) || (p.SourceReference != null && p.SourceReference.Contains(text)));
        }
        return problems;
    }

    /// <summary>The filter in Chinese, for the export's audit entry (the search text only as "含搜索词", as it may name a person).</summary>
    internal static string Describe(Query query, IReadOnlyDictionary<int, string> townships, IReadOnlyDictionary<int, string> villages)
    {
        var parts = new List<string>();
        if (query.TownshipId is int t) parts.Add($"乡镇={townships.GetValueOrDefault(t, t.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        if (query.VillageId is int v) parts.Add($"村={villages.GetValueOrDefault(v, v.ToString(System.Globalization.CultureInfo.InvariantCulture))}");
        if (query.Status is { } status) parts.Add($"状态={status.Label()}");
        if (query.OpenOnly) parts.Add("未整改完成");
        if (query.Source is { } source) parts.Add($"来源={source.Label()}");
        if (query.Area is { } area) parts.Add($"领域={area.Label()}");
        if (query.Due is { } due) parts.Add(due == Due.Overdue ? "已逾期" : "即将到期");
        if (query.MineOnly) parts.Add("我负责的");
        if (!string.IsNullOrWhiteSpace(query.Text)) parts.Add("含搜索词");
        return parts.Count == 0 ? "全部" : string.Join("，", parts);
    }

    // Nearest deadline first: what must be done soonest heads the list; the id keeps pages stable.
    private static IOrderedQueryable<Problem> Ordered(IQueryable<Problem> problems) => problems.OrderBy(p => p.Deadline).ThenBy(p => p.Id);

    private static async Task<List<Row>> RowsAsync(PortalDbContext db, List<Problem> page, DateOnly today, CancellationToken cancellationToken)
    {
        // Names of this page only, in small queries of their own.
        var townshipIds = page.Select(p => p.TownshipId).Distinct().ToList();
        var townships = await db.Townships.Where(t => townshipIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var villageIds = page.Select(p => p.VillageId).OfType<int>().Distinct().ToList();
        var villages = await db.Villages.Where(v => villageIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var householdIds = page.Select(p => p.HouseholdId).OfType<int>().Distinct().ToList();
        var households = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.HouseholdNumber, cancellationToken);
        return page.Select(p => new Row(p.Id, p.Description, p.Source, p.Area, townships.GetValueOrDefault(p.TownshipId, ""),
            p.VillageId is int v ? villages.GetValueOrDefault(v) : null, p.HouseholdId is int h ? households.GetValueOrDefault(h) : null,
            p.ResponsibleUnit, p.ResponsiblePerson, p.OriginalDeadline, p.Deadline, p.Status, ProblemDue.Standing(p, today),
            ProblemDue.Describe(p, today))).ToList();
    }
}
