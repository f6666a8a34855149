using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Audit;

/// <summary>The viewer's filtered rows as .xlsx; the export is itself an audit entry, with the filter it used.</summary>
public sealed class ExportAuditLog(IDbContextFactory<PortalDbContext> dbFactory, ListAuditLog list, CurrentUser currentUser, AuditLog auditLog)
{
    private static readonly XlsxColumn[] Columns =
        [new(20), new(16), new(18), new(8), new(36), new(14), new(40), new(16)];

    public async Task<int> WriteAsync(ListAuditLog.Query query, Stream output, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanViewAuditLog(currentUser.Role)) throw new InvalidOperationException("只有系统管理员和县级督导可以导出审计日志");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var count = 0;
        using (var sheet = new XlsxSheetWriter(output, "审计日志", Columns, frozenRows: 1))
        {
            sheet.WriteRow(1, [
                new("时间（北京时间）", XlsxStyle.Header), new("用户", XlsxStyle.Header), new("操作", XlsxStyle.Header),
                new("结果", XlsxStyle.Header), new("对象", XlsxStyle.Header), new("记录", XlsxStyle.Header),
                new("说明", XlsxStyle.Header), new("IP 地址", XlsxStyle.Header)]);
            await foreach (var row in list.AllAsync(db, query, cancellationToken))
            {
                count++;
                sheet.WriteRow(count + 1, [
                    new(row.At.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)),
                    new(row.UserName), new(AuditActions.Label(row.Action)), new(AuditActions.OutcomeLabel(row.Outcome)),
                    new(row.Target), new(AuditActions.RecordLabel(row.RecordType, row.RecordId)), new(row.Detail),
                    new(row.IpAddress, XlsxStyle.Text)]);
            }
        }
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ExportAuditLog, AuditOutcome.Success, "审计日志",
            detail: $"{count} 行；筛选：{Describe(query)}", cancellationToken: cancellationToken);
        return count;
    }

    private static string Describe(ListAuditLog.Query q) =>
        $"用户={q.UserName ?? "全部"}，操作={(q.Action is null ? "全部" : AuditActions.Label(q.Action))}，" +
        $"日期={q.From:yyyy-MM-dd}~{q.To:yyyy-MM-dd}，对象含={q.Text ?? "-"}";
}
