using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Import;

/// <summary>
/// Imports a register file, all or nothing. The same run makes the preview (nothing written) and the import (written
/// in one transaction, only when the file has no error): the plan is made again at confirmation, against the data
/// as it is then. Rows are checked by the validators of the household and member forms, and by the user's scope.
/// </summary>
public sealed class ImportRegister(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock, AuditLog auditLog)
{
    private const int SaveEvery = 1_000;

    /// <summary>
    /// False writes new households through EF Core's SaveChanges like every other row; the test that compares the
    /// two paths' rows sets it. The default, true, writes them straight into the tables (decision 0005).
    /// </summary>
    public bool BulkInsertNewHouseholds { get; init; } = true;

    public sealed record VillageCounts(string Village, int HouseholdsCreated, int HouseholdsUpdated, int HouseholdsUnchanged,
        int MembersCreated, int MembersUpdated, int MembersUnchanged);

    public sealed record MissingMember(string HouseholdNumber, string Name, string ResidentIdMasked);

    public sealed record Result(
        IReadOnlyList<VillageCounts> Villages, IReadOnlyList<RowError> Errors, IReadOnlyList<string> AreasToCreate,
        IReadOnlyList<MissingMember> MissingMembers, bool Written, int? BatchId)
    {
        public int HouseholdsCreated => Villages.Sum(v => v.HouseholdsCreated);
        public int HouseholdsUpdated => Villages.Sum(v => v.HouseholdsUpdated);
        public int HouseholdsUnchanged => Villages.Sum(v => v.HouseholdsUnchanged);
        public int MembersCreated => Villages.Sum(v => v.MembersCreated);
        public int MembersUpdated => Villages.Sum(v => v.MembersUpdated);
        public int MembersUnchanged => Villages.Sum(v => v.MembersUnchanged);
        /// <summary>The file's warnings (<see cref="RegisterSheet.Warnings"/>): they never stop the import.</summary>
        public IReadOnlyList<RowError> Warnings { get; init; } = [];

        public int Changes => HouseholdsCreated + HouseholdsUpdated + MembersCreated + MembersUpdated + AreasToCreate.Count;
    }

    /// <summary>
    /// Checks the file against the database and, unless <paramref name="dryRun"/>, writes it when nothing is wrong.
    /// <paramref name="createAreas"/>: townships, villages and groups named in the file but missing are created
    /// (county-level users only).
    /// </summary>
    public async Task<Result> RunAsync(RegisterSheet sheet, string fileName, bool createAreas, bool dryRun,
        IProgress<int>? householdsDone = null, CancellationToken cancellationToken = default)
    {
        var result = await CheckAndWriteAsync(sheet, fileName, createAreas, dryRun, householdsDone, cancellationToken);
        // Every preview is audited too: a preview answers questions about IDs and household numbers, so a run that
        // writes nothing must still leave a trace. Counts only, never a name or an ID.
        var households = sheet.Rows.Select(r => r.HouseholdNumber).Distinct().Count();
        await auditLog.WriteAsync(currentUser.UserName, dryRun ? AuditActions.ImportRegisterPreview : AuditActions.ImportRegisterWritten,
            nameof(ImportBatch), result.BatchId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"文件“{Path.GetFileName(fileName)}”，{sheet.Rows.Count}行，{households}户，错误{result.Errors.Count}条，{(result.Written ? "已写入" : "未写入")}",
            CancellationToken.None);
        return result;
    }

    private async Task<Result> CheckAndWriteAsync(RegisterSheet sheet, string fileName, bool createAreas, bool dryRun,
        IProgress<int>? householdsDone, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>(sheet.Errors);
        if (!PortalRoles.CanEditRegister(currentUser.Role))
        {
            errors.Add(new RowError(0, "", null, "您的角色不能导入贫困户信息"));
            return new Result([], errors, [], [], false, null);
        }
        var households = RegisterHouseholds.Group(sheet);
        var mayCreateAreas = PortalRoles.CanMaintainAreas(currentUser.Role);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var areas = await ImportRegisterAreas.LoadAsync(db, cancellationToken);
        var plan = new RegisterImportPlan(db, areas, clock, errors, createAreas && mayCreateAreas, mayCreateAreas);
        await plan.PrepareAsync(households, cancellationToken);

        var done = 0;
        foreach (var household in households)
        {
            await plan.AddAsync(household, cancellationToken);
            householdsDone?.Report(++done);
        }
        plan.CheckIdsAcrossTheFile();

        var villages = plan.Counts();
        if (dryRun || errors.Count > 0)
        {
            return new Result(villages, errors.OrderBy(e => e.SheetRowNumber).ToList(), plan.AreasToCreate, plan.Missing, false, null)
            {
                Warnings = sheet.Warnings,
            };
        }

        // All or nothing: one transaction for the areas, the households, their members and the import record.
        var strategy = db.Database.CreateExecutionStrategy();
        var batch = new ImportBatch
        {
            At = clock.GetUtcNow(), UserName = currentUser.UserName ?? "", FileName = Path.GetFileName(fileName),
            CountyId = currentUser.Scope.CountyId, AreasCreated = plan.AreasToCreate.Count,
            HouseholdsCreated = villages.Sum(v => v.HouseholdsCreated), HouseholdsUpdated = villages.Sum(v => v.HouseholdsUpdated),
            HouseholdsUnchanged = villages.Sum(v => v.HouseholdsUnchanged), MembersCreated = villages.Sum(v => v.MembersCreated),
            MembersUpdated = villages.Sum(v => v.MembersUpdated), MembersUnchanged = villages.Sum(v => v.MembersUnchanged),
        };
        var attempts = 0;
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                // The plan's entities carry what a failed attempt did to them (ids, cleared trackers): a dropped connection
                // ends the import, rolled back, instead of a retry (decision 0019); the user runs it again.
                if (attempts++ > 0) throw new InvalidOperationException("数据库连接中断");
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await plan.WriteAsync(SaveEvery, BulkInsertNewHouseholds, householdsDone, cancellationToken);
                db.ImportBatches.Add(batch);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (YearLockedException locked)
        {
            // A row of the file falls in a locked township year (decision 0032): rolled back, and the user is told which.
            return new Result(villages, [new RowError(0, "", null, $"{locked.Message}。本次导入没有写入，数据库未作任何修改。")],
                plan.AreasToCreate, plan.Missing, false, null);
        }
        catch (Exception ex) when (ex is DbUpdateException or OperationCanceledException or InvalidOperationException
            or System.Data.Common.DbException or OutOfScopeException)
        {
            // The transaction was rolled back: the database is as it was before the import.
            var reason = ex is OperationCanceledException ? "导入已取消" : "写入数据库时出错";
            return new Result(villages, [new RowError(0, "", null, $"{reason}，数据库未作任何修改，请稍后重试。")],
                plan.AreasToCreate, plan.Missing, false, null);
        }
        return new Result(villages, [], plan.AreasToCreate, plan.Missing, true, batch.Id) { Warnings = sheet.Warnings };
    }
}
