using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Common;

/// <summary>
/// A handler's save whose everyday refusals come back as its result rather than as exceptions: someone else's newer save
/// (the handler's own conflict sentence), a row outside the user's scope, a year the county has locked. Nothing is
/// written in any of them.
/// </summary>
public static class GuardedSave
{
    public static async Task<CommandResult> SaveAsync(PortalDbContext db, string conflict, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return CommandResult.Success;
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Fail(conflict);
        }
        catch (OutOfScopeException e)
        {
            return CommandResult.Fail(e.Message);
        }
        catch (YearLockedException e)
        {
            return CommandResult.Fail(e.Message);
        }
    }
}
