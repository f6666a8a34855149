using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// The filtered ledger as .xlsx, in the list's order, with overdue and due-soon as of today. Written batch by batch;
/// the export is audited with its filter in Chinese and its row count, like the register's and the audit log's.
/// </summary>
public sealed class ExportProblems(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    private static readonly string[] Headers =
        ["序号", "问题编号", "乡（镇）", "村", "户编号", "问题来源", "检查领域", "问题描述", "责任单位", "责任人", "原定时限", "现时限", "整改状态", "期限情况"];

    private static readonly XlsxColumn[] Columns =
        [new(6), new(8), new(12), new(12), new(14, XlsxStyle.Text), new(14), new(14), new(50), new(20), new(10), new(12), new(12), new(14), new(12)];

    public async Task<int> WriteAsync(ListProblems.Query query, Stream output, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = PortalYears.Today(clock);
        var count = 0;
        using (var sheet = new XlsxSheetWriter(output, "问题整改台账", Columns, frozenRows: 1))
        {
            sheet.WriteRow(1, Headers.Select(h => new XlsxCell(h, XlsxStyle.Header)).ToArray());
            await foreach (var row in ListProblems.AllAsync(db, query, today, currentUser.UserId, cancellationToken))
            {
                count++;
                sheet.WriteRow(count + 1, [
                    new(count), new(row.Id), new(row.TownshipName), new(row.VillageName), new(row.HouseholdNumber, XlsxStyle.Text),
                    new(row.Source.Label()), new(row.Area?.Label()), new(row.Description), new(row.ResponsibleUnit), new(row.ResponsiblePerson),
                    new(row.OriginalDeadline.ToDateTime(TimeOnly.MinValue), XlsxStyle.Date), new(row.Deadline.ToDateTime(TimeOnly.MinValue), XlsxStyle.Date),
                    new(row.Status.Label()), new(row.Standing == DueStanding.NotApplicable ? "" : row.DueText)]);
            }
        }
        var townships = await db.Townships.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken);
        var villages = query.VillageId is int v
            ? await db.Villages.Where(x => x.Id == v).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken)
            : new Dictionary<int, string>();
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ExportProblems, AuditOutcome.Success, "问题整改台账",
            nameof(Problem), null, $"{count} 条；筛选：{ListProblems.Describe(query, townships, villages)}", cancellationToken);
        return count;
    }
}
