using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Data;

/// <summary>
/// The hash chain over the audit log (decision 0015): each row's hash covers the previous row's hash and its own
/// fields, so a row changed or removed behind the portal's back (by SQL with the triggers off) shows up in
/// <see cref="VerifyAsync"/>.
/// </summary>
public static class AuditChain
{
    /// <summary>The retention the law asks for (Cybersecurity Law art. 21: at least six months); purges never go below it.</summary>
    public const int MinimumRetentionDays = 180;

    /// <summary>
    /// Times are hashed to the millisecond, which every provider stores exactly (PostgreSQL keeps microseconds, the
    /// SQLite binary form 1/10,000 s); <see cref="AuditLog"/> truncates At before hashing so the stored value matches.
    /// </summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static string ComputeHash(AuditLogEntry e)
    {
        // One field a line, in a fixed order, with invariant formats: the same row hashes the same on every provider.
        var canonical = string.Join('\n',
            e.PreviousHash ?? "",
            e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            e.UserName ?? "", e.Action, e.RecordType ?? "", e.RecordId ?? "", e.Detail ?? "",
            e.IpAddress ?? "", e.Outcome.ToString(), e.Target ?? "",
            e.CountyId?.ToString(CultureInfo.InvariantCulture) ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Adds the entry at the end of the chain in its own transaction. The lock makes two writers (two portal instances
    /// on one PostgreSQL) take turns, so no two rows claim the same predecessor; SQLite's write transaction
    /// (BEGIN IMMEDIATE) is exclusive already.
    /// </summary>
    public static async Task AppendAsync(PortalDbContext db, AuditLogEntry entry, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // A fixed key for "the audit chain"; released at commit or rollback.
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(1500015)", cancellationToken);
            }
            else if (db.Database.IsSqlServer())
            {
                await db.Database.ExecuteSqlRawAsync(
                    "EXEC sp_getapplock @Resource = 'PovertyPortal.AuditChain', @LockMode = 'Exclusive', @LockOwner = 'Transaction'",
                    cancellationToken);
            }
            entry.At = Truncate(entry.At);
            entry.PreviousHash = await db.AuditLog.AsNoTracking().OrderByDescending(a => a.Id)
                .Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken);
            entry.Hash = ComputeHash(entry);
            db.AuditLog.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.Entry(entry).State = EntityState.Detached;
        });
    }

    /// <summary>The first row whose hash or link does not hold, or null when the whole chain verifies.</summary>
    public static async Task<ChainBreak?> VerifyAsync(PortalDbContext db, CancellationToken cancellationToken = default)
    {
        string? previous = null;
        var first = true;
        await foreach (var row in db.AuditLog.AsNoTracking().OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            // The first remaining row's predecessor may have been purged: its link cannot be checked, only its own hash.
            if (!first && row.PreviousHash != previous)
                return new ChainBreak(row.Id, "与上一行的哈希不衔接（上一行被删除或修改）");
            if (ComputeHash(row) != row.Hash)
                return new ChainBreak(row.Id, "本行内容与哈希不符（被修改）");
            previous = row.Hash;
            first = false;
        }
        return null;
    }

    /// <summary>
    /// Deletes the rows written before <paramref name="before"/>, which must lie at least the retention in the past.
    /// Only a prefix of the chain goes (ids below the first row kept), so the rest still verifies.
    /// </summary>
    public static async Task<int> PurgeAsync(PortalDbContext db, DateTimeOffset before, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (before > now.AddDays(-MinimumRetentionDays))
            throw new InvalidOperationException($"审计日志至少保留 {MinimumRetentionDays} 天：只能清理 {now.AddDays(-MinimumRetentionDays):yyyy-MM-dd} 之前的记录。");
        var firstKept = await db.AuditLog.Where(a => a.At >= before).MinAsync(a => (long?)a.Id, cancellationToken) ?? long.MaxValue;
        // ExecuteDelete skips SaveChanges and its refusal; the database's trigger still refuses rows younger than 180 days.
        return await db.AuditLog.Where(a => a.At < before && a.Id < firstKept).ExecuteDeleteAsync(cancellationToken);
    }
}

public sealed record ChainBreak(long Id, string Reason);
