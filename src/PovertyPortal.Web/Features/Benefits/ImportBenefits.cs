using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Benefits;

/// <summary>
/// Imports benefit records from a spreadsheet, all or nothing, like the register import: every row is checked (the
/// benefit form's validator, the household in the user's scope, the member in the household, the program in the
/// catalog, no repeat of a record already there); the records are written in one transaction only when no row has
/// an error. The preview is the same run without writing.
/// </summary>
public sealed class ImportBenefits(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock, AuditLog auditLog)
{
    public sealed record ProgramCount(string Program, int Records, decimal Amount);

    public sealed record Result(int Rows, IReadOnlyList<ProgramCount> Programs, IReadOnlyList<RowError> Errors, bool Written);

    public async Task<Result> RunAsync(BenefitSheet sheet, string fileName, bool dryRun, CancellationToken cancellationToken = default)
    {
        var result = await CheckAndWriteAsync(sheet, fileName, dryRun, cancellationToken);
        // Audited like the register import, the preview too: it says which IDs belong to which household. Counts only.
        await auditLog.WriteAsync(currentUser.UserName, dryRun ? AuditActions.ImportBenefitsPreview : AuditActions.ImportBenefitsWritten,
            nameof(BenefitRecord), null,
            $"文件“{Path.GetFileName(fileName)}”，{result.Rows}行，错误{result.Errors.Count}条，{(result.Written ? "已写入" : "未写入")}", CancellationToken.None);
        return result;
    }

    private async Task<Result> CheckAndWriteAsync(BenefitSheet sheet, string fileName, bool dryRun, CancellationToken cancellationToken)
    {
        var errors = new List<RowError>(sheet.Errors);
        if (!PortalRoles.CanEditRegister(currentUser.Role))
        {
            return new Result(0, [], [new RowError(0, "", null, "您的角色不能导入政策享受记录")], false);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programs = await db.BenefitPrograms.AsNoTracking().ToListAsync(cancellationToken);
        var byName = programs.GroupBy(p => p.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var numbers = sheet.Rows.Select(r => r.HouseholdNumber).OfType<string>().Distinct().ToList();
        // The scope filter answers only households the user may see: the others are "not found" alike.
        // 户编号 is unique in a county only: a user over several counties (the system administrator) may find one number
        // in two of them, and the file does not say which is meant. Such numbers are refused row by row below.
        var candidates = await db.Households.AsNoTracking().Where(h => numbers.Contains(h.HouseholdNumber))
            .Select(h => new { h.Id, h.HouseholdNumber, h.CountyId, h.TownshipId, h.VillageId })
            .ToListAsync(cancellationToken);
        var ambiguous = candidates.GroupBy(h => h.HouseholdNumber).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var households = candidates.Where(h => !ambiguous.Contains(h.HouseholdNumber)).ToDictionary(h => h.HouseholdNumber, StringComparer.Ordinal);
        var householdIds = households.Values.Select(h => h.Id).ToList();
        var members = await db.Members.AsNoTracking().Where(m => householdIds.Contains(m.HouseholdId))
            .Select(m => new { m.Id, m.HouseholdId, m.ResidentId }).ToListAsync(cancellationToken);
        var memberOf = members.GroupBy(m => (m.HouseholdId, m.ResidentId)).ToDictionary(g => g.Key, g => g.First().Id);
        var existing = (await db.BenefitRecords.AsNoTracking().Where(r => householdIds.Contains(r.HouseholdId))
                .Select(r => new { r.HouseholdId, r.MemberId, r.ProgramId, r.Year, r.Amount, r.PaidOn }).ToListAsync(cancellationToken))
            .Select(r => (r.HouseholdId, r.MemberId, r.ProgramId, r.Year, r.Amount, r.PaidOn)).ToHashSet();

        var validator = new SaveBenefitRecord.Validator(clock);
        var records = new List<BenefitRecord>();
        var seen = new Dictionary<(int, int?, int, int, decimal, DateOnly?), int>();
        var rowsWithErrors = errors.Select(e => e.SheetRowNumber).ToHashSet();
        foreach (var row in sheet.Rows)
        {
            void Error(string column, string? value, string message)
            {
                errors.Add(new RowError(row.SheetRowNumber, column, value, message));
                rowsWithErrors.Add(row.SheetRowNumber);
            }
            if (rowsWithErrors.Contains(row.SheetRowNumber)) continue;
            if (ambiguous.Contains(row.HouseholdNumber!))
            {
                Error(BenefitFileReader.HouseholdNumber, row.HouseholdNumber, "多个县（市、区）都有这个户编号，无法确定是哪一户：请用该县的账户导入");
                continue;
            }
            if (!households.TryGetValue(row.HouseholdNumber!, out var household))
            {
                Error(BenefitFileReader.HouseholdNumber, row.HouseholdNumber, "没有这个户编号，或该户不在您的管辖范围内");
                continue;
            }
            int? memberId = null;
            if (row.ResidentId is { } id)
            {
                if (memberOf.TryGetValue((household.Id, id.Value), out var found)) memberId = found;
                else Error(BenefitFileReader.ResidentIdColumn, ResidentId.Mask(id.Value), $"该证件号码不是户编号{row.HouseholdNumber}的家庭成员");
            }
            if (!byName.TryGetValue(row.Program!, out var program) || program.IsRetired)
            {
                Error(BenefitFileReader.Program, row.Program, $"没有这个政策项目。可用的项目：{string.Join("、", programs.Where(p => !p.IsRetired && p.Code != BenefitLabels.MicroloanCode).Select(p => p.Name))}");
                continue;
            }
            if (program.Code == BenefitLabels.MicroloanCode)
            {
                Error(BenefitFileReader.Program, row.Program, "小额信贷请在“小额信贷”中登记贷款，不能作为政策享受导入");
                continue;
            }
            var command = new SaveBenefitRecord.Command
            {
                HouseholdId = household.Id, MemberId = memberId, ProgramId = program.Id, Year = row.Year, Amount = row.Amount,
                Quantity = row.Quantity, Unit = row.Unit, PaidOn = row.PaidOn?.ToDateTime(TimeOnly.MinValue), Note = row.Note,
            };
            var validation = validator.Validate(command);
            foreach (var failure in validation.Errors) Error(ColumnOf(failure.PropertyName), null, failure.ErrorMessage);
            if (!validation.IsValid || rowsWithErrors.Contains(row.SheetRowNumber)) continue;

            var key = (household.Id, memberId, program.Id, row.Year!.Value, row.Amount!.Value, row.PaidOn);
            if (existing.Contains(key))
            {
                Error("", null, "与已登记的政策享受记录重复（同户、同成员、同项目、同年度、同金额、同发放日期）");
                continue;
            }
            if (seen.TryGetValue(key, out var first))
            {
                Error("", null, $"与第{first}行重复");
                continue;
            }
            seen[key] = row.SheetRowNumber;
            records.Add(new BenefitRecord
            {
                HouseholdId = household.Id, CountyId = household.CountyId, TownshipId = household.TownshipId, VillageId = household.VillageId,
                MemberId = memberId, ProgramId = program.Id, Year = row.Year.Value, Amount = row.Amount.Value, Quantity = row.Quantity,
                Unit = row.Quantity is null ? null : row.Unit, PaidOn = row.PaidOn, Note = row.Note,
            });
        }

        var names = programs.ToDictionary(p => p.Id, p => p.Name);
        var counts = records.GroupBy(r => r.ProgramId)
            .Select(g => new ProgramCount(names[g.Key], g.Count(), g.Sum(r => r.Amount))).OrderBy(c => c.Program).ToList();
        var sorted = errors.OrderBy(e => e.SheetRowNumber).ToList();
        if (dryRun || sorted.Count > 0 || records.Count == 0)
        {
            if (!dryRun && sorted.Count == 0) sorted.Add(new RowError(0, "", null, "文件中没有可导入的记录"));
            return new Result(sheet.Rows.Count, counts, sorted, false);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            await strategy.ExecuteAsync(async () =>
            {
                // A retry after a dropped connection (decision 0019) starts from the records, not from what the failed attempt tracked.
                db.ChangeTracker.Clear();
                foreach (var record in records) record.Id = 0;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var batch = new ImportBatch
                {
                    At = clock.GetUtcNow(), UserName = currentUser.UserName ?? "", FileName = Path.GetFileName(fileName), CountyId = currentUser.Scope.CountyId,
                };
                db.ImportBatches.Add(batch);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var record in records) record.ImportBatchId = batch.Id;
                db.BenefitRecords.AddRange(records);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (YearLockedException locked)
        {
            // A row of the file falls in a locked township year (decision 0032): rolled back, and the user is told which.
            return new Result(sheet.Rows.Count, counts, [new RowError(0, "", null, $"{locked.Message}。本次导入没有写入，数据库未作任何修改。")], false);
        }
        catch (Exception ex) when (ex is DbUpdateException or OperationCanceledException or InvalidOperationException
            or System.Data.Common.DbException or OutOfScopeException)
        {
            // Rolled back: nothing of the file was written.
            var reason = ex is OperationCanceledException ? "导入已取消" : "写入数据库时出错";
            return new Result(sheet.Rows.Count, counts, [new RowError(0, "", null, $"{reason}，数据库未作任何修改，请稍后重试。")], false);
        }
        return new Result(sheet.Rows.Count, counts, [], true);
    }

    private static string ColumnOf(string property) => property switch
    {
        nameof(SaveBenefitRecord.Command.Year) => BenefitFileReader.Year,
        nameof(SaveBenefitRecord.Command.Amount) => BenefitFileReader.Amount,
        nameof(SaveBenefitRecord.Command.Quantity) => BenefitFileReader.Quantity,
        nameof(SaveBenefitRecord.Command.Unit) => BenefitFileReader.Unit,
        nameof(SaveBenefitRecord.Command.PaidOn) => BenefitFileReader.PaidOn,
        nameof(SaveBenefitRecord.Command.Note) => BenefitFileReader.Note,
        nameof(SaveBenefitRecord.Command.ProgramId) => BenefitFileReader.Program,
        _ => "",
    };
}
