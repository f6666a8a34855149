using System.Globalization;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Reconciliation;

/// <summary>
/// The differences of a comparison as .xlsx: the per-village counts and every listed difference, IDs masked, health
/// values hidden from the roles that may not read them. Audited with the count, never a name or an ID.
/// </summary>
public sealed class ExportReconciliation(CurrentUser currentUser, AuditLog auditLog)
{
    private static readonly string[] Headers =
        ["序号", "类别", "行政村", "户编号", "姓名", "身份证号", "字段", "系统中的值", "文件中的值", "文件行号"];

    private static readonly XlsxColumn[] Columns =
        [new(6), new(16), new(14), new(20, XlsxStyle.Text), new(10), new(20, XlsxStyle.Text), new(14), new(18), new(18), new(8)];

    public async Task<int> WriteAsync(CompareWithFile.Result result, string sourceName, string fileName, Stream output, CancellationToken cancellationToken = default)
    {
        var health = PortalRoles.CanSeeHealthData(currentUser.Role);
        var count = 0;
        using (var sheet = new XlsxSheetWriter(output, "差异明细", Columns, frozenRows: 1))
        {
            sheet.WriteRow(1, Headers.Select(h => new XlsxCell(h, XlsxStyle.Header)).ToArray());
            foreach (var d in result.Differences)
            {
                count++;
                var hide = !health && d.Field is { } f && f.IsHealth();
                sheet.WriteRow(count + 1, [
                    new(count), new(d.KindLabel), new(d.VillageName), new(d.HouseholdNumber, XlsxStyle.Text), new(d.Name),
                    new(d.ResidentIdMasked, XlsxStyle.Text), new(d.Field?.Label()), new(hide ? PersonalData.Hidden : d.PortalValue),
                    new(hide ? PersonalData.Hidden : d.FileValue), new(d.FileRow)]);
            }
            if (result.Truncated)
            {
                sheet.WriteRow(count + 2, [new(null), new($"差异超过{CompareWithFile.MaxListed:N0}条，只列出前{CompareWithFile.MaxListed:N0}条；请按乡镇或村缩小比对范围")]);
            }
        }
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ReconciliationExported, AuditOutcome.Success, sourceName,
            null, null, string.Create(CultureInfo.InvariantCulture, $"{sourceName}，文件“{Path.GetFileName(fileName)}”，{count}条差异"), cancellationToken);
        return count;
    }
}
