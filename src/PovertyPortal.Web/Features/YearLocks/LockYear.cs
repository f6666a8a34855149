using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.YearLocks;

/// <summary>
/// 锁定年度: a county supervisor locks one township's year, or every township of the county for the year at once, once
/// its figures are approved. From then on no save writes into that township's year, the county's included
/// (YearLockInterceptor, decision 0032). Each township's lock is audited.
/// </summary>
public sealed class LockYear(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>Needed only when the user's scope holds several counties (system administrators).</summary>
        public int? CountyId { get; set; }

        /// <summary>The township; none locks every township of the county for the year.</summary>
        public int? TownshipId { get; set; }

        public int Year { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.ThisYear(clock))
                .WithMessage($"只能锁定{PortalYears.FirstWorkYear}年至今年的年度数据");
        }
    }

    /// <summary>Answers how many townships were locked by this call.</summary>
    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (YearLockAccess.Refusal(currentUser) is { } refused) return new(refused, 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (county, why) = await InspectionRoundCommands.CountyAsync(db, command.CountyId, cancellationToken);
        if (county is not int countyId) return new(CommandResult.Fail(nameof(Command.CountyId), why!), 0);
        var townships = await db.Townships.AsNoTracking()
            .Where(t => t.CountyId == countyId && !t.IsRetired && (command.TownshipId == null || t.Id == command.TownshipId))
            .Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken);
        if (townships.Count == 0) return new(CommandResult.Fail(nameof(Command.TownshipId), "该乡镇不存在或不在您的管辖范围内"), 0);

        var ids = townships.Select(t => t.Id).ToList();
        var existing = await db.YearLocks.Where(l => l.Year == command.Year && ids.Contains(l.TownshipId))
            .ToDictionaryAsync(l => l.TownshipId, cancellationToken);
        var toLock = townships.Where(t => existing.GetValueOrDefault(t.Id)?.IsLocked != true).ToList();
        if (toLock.Count == 0)
        {
            return new(CommandResult.Fail(command.TownshipId is null
                ? $"{command.Year}年度本县各乡镇均已锁定"
                : $"{YearLockAccess.Label(townships[0].Name, command.Year)}已锁定"), 0);
        }

        var now = clock.GetUtcNow();
        var locked = new List<(YearLock Lock, string Township)>();
        foreach (var township in toLock)
        {
            if (!existing.TryGetValue(township.Id, out var row))
            {
                row = new YearLock { CountyId = countyId, TownshipId = township.Id, Year = command.Year };
                db.YearLocks.Add(row);
            }
            (row.IsLocked, row.LockedAt, row.LockedBy) = (true, now, currentUser.UserName ?? "");
            locked.Add((row, township.Name));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsUnavailable(e))
        {
            // Another supervisor locked the same township's year a moment earlier: the unique index refused this row.
            return new(CommandResult.Fail("其他用户刚刚修改了该年度的锁定状态，请刷新页面后重试"), 0);
        }

        foreach (var (row, township) in locked)
        {
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.YearLocked, AuditOutcome.Success, YearLockAccess.Label(township, row.Year),
                nameof(YearLock), row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        }
        return new(CommandResult.Success, locked.Count);
    }
}
