using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace PovertyPortal.Data;

/// <summary>
/// The database being out of reach (decision 0019): a server stopped or restarting, a dropped connection, a retry
/// strategy that gave up. Forms tell the user their save did not happen; the start-up waits for the database.
/// </summary>
public static class DatabaseFaults
{
    public static bool IsUnavailable(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbUpdateConcurrencyException) return false;
            // A retry strategy that gave up, or (SQLite, a context without retries) the provider's own transient error.
            if (e is RetryLimitExceededException or TimeoutException or SocketException or DbException { IsTransient: true }) return true;
        }
        return false;
    }

    /// <summary>
    /// Runs the work in a transaction inside the context's execution strategy: with a provider that retries (PostgreSQL,
    /// SQL Server) a transaction the caller begins must be retried whole, and EF Core refuses one begun outside it.
    /// The work runs again from the start on a retry, so it must not depend on what a failed attempt left tracked.
    /// </summary>
    public static Task InTransactionAsync(this DatabaseFacade database, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default) =>
        database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            await using var transaction = await database.BeginTransactionAsync(token);
            await work(token);
            await transaction.CommitAsync(token);
        }, cancellationToken);
}
