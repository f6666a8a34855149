using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Audit;

/// <summary>
/// The audit viewer's rows, filtered and paged in the database. The audit log has no area query filter, so the scope
/// is applied here: the administrator sees everything, a county supervisor the entries of actors in their county,
/// anybody else nothing (the page is not their only gate).
/// </summary>
public sealed class ListAuditLog(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed record Query
    {
        public string? UserName { get; init; }
        public string? Action { get; init; }
        public DateOnly? From { get; init; }
        public DateOnly? To { get; init; }

        /// <summary>Part of the target, record id or detail ("户 12", "村 3").</summary>
        public string? Text { get; init; }
        public int Page { get; init; }
        public int PageSize { get; init; } = 50;
    }

    public sealed record Row(long Id, DateTimeOffset At, string? UserName, string Action, AuditOutcome Outcome,
        string? Target, string? RecordType, string? RecordId, string? Detail, string? IpAddress);

    public sealed record Result(IReadOnlyList<Row> Rows, int Total);

    public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filter(db, query);
        var total = await rows.CountAsync(cancellationToken);
        var page = await Project(rows.OrderByDescending(a => a.Id).Skip(query.Page * query.PageSize).Take(query.PageSize))
            .ToListAsync(cancellationToken);
        return new Result(page, total);
    }

    /// <summary>All filtered rows, newest first, for the export (streamed, never held whole).</summary>
    public async IAsyncEnumerable<Row> AllAsync(PortalDbContext db, Query query,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var row in Project(Filter(db, query).OrderByDescending(a => a.Id)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    internal IQueryable<AuditLogEntry> Filter(PortalDbContext db, Query query)
    {
        var rows = db.AuditLog.AsNoTracking();
        var role = currentUser.Role;
        if (role == PortalRoles.SystemAdmin) { }
        else if (role == PortalRoles.CountySupervisor && currentUser.Scope.CountyId is int county) rows = rows.Where(a => a.CountyId == county);
        else rows = rows.Where(a => false);

        if (!string.IsNullOrWhiteSpace(query.UserName)) rows = rows.Where(a => a.UserName == query.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(query.Action)) rows = rows.Where(a => a.Action == query.Action);
        // Dates are Beijing days (UTC+8), as everywhere in the portal.
        if (query.From is { } from) { var start = BeijingStart(from); rows = rows.Where(a => a.At >= start); }
        if (query.To is { } to) { var end = BeijingStart(to.AddDays(1)); rows = rows.Where(a => a.At < end); }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            rows = rows.Where(a => (a.Target != null && a.Target.Contains(text)) || a.RecordId == text
                || (a.Detail != null && a.Detail.Contains(text)));
        }
        return rows;
    }

    private static IQueryable<Row> Project(IQueryable<AuditLogEntry> rows) =>
        rows.Select(a => new Row(a.Id, a.At, a.UserName, a.Action, a.Outcome, a.Target, a.RecordType, a.RecordId, a.Detail, a.IpAddress));

    private static DateTimeOffset BeijingStart(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime();
}
