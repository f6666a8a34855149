using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Documents.PerformanceReport;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Reports;

/// <summary>
/// A county supervisor's batch: the report of every village in scope for one year, as one ZIP. Villages without
/// data for the year are named in 未生成.txt; the contradictions found in each village in 数据矛盾清单.txt.
/// </summary>
public sealed class BuildCountyReports(IDbContextFactory<PortalDbContext> dbFactory, LoadPerformanceReport loader, PerformanceReportFiles files, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed record Progress(int Done, int Total, string Village);

    public sealed record Summary(int Written, int WithoutData, int WithProblems);

    public async Task<Summary> WriteZipAsync(int year, ReportFormat format, ReportEdition edition, Stream output,
        IProgress<Progress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanBuildCountyReports(currentUser.Role)) throw new InvalidOperationException("只有县级督查人员可以批量生成全县报告");
        var villages = await loader.ListVillagesAsync(cancellationToken);
        var withoutData = new List<string>();
        var problems = new StringBuilder();
        var written = 0;
        var withProblems = 0;
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            for (var i = 0; i < villages.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var village = villages[i];
                progress?.Report(new Progress(i, villages.Count, village.Name));
                PerformanceReportData data;
                IReadOnlyList<string> found;
                bool hasData;
                await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
                {
                    var result = await loader.LoadAsync(db, village, year, cancellationToken);
                    (data, found, hasData) = (result.Data, result.Problems, result.HasData);
                }
                var label = $"{village.TownshipName}{village.Name}（{village.AdminCode}）";
                if (!hasData)
                {
                    withoutData.Add(label);
                    continue;
                }
                if (found.Count > 0)
                {
                    withProblems++;
                    problems.AppendLine(label);
                    foreach (var p in found) problems.AppendLine("  " + p);
                }
                var bytes = files.Render(data, format, edition);
                var entry = zip.CreateEntry($"{village.AdminCode}-{PerformanceReportFiles.FileName(data, format, edition)}", CompressionLevel.Fastest);
                await using (var stream = await entry.OpenAsync(cancellationToken))
                {
                    await stream.WriteAsync(bytes, cancellationToken);
                }
                written++;
            }
            if (withoutData.Count > 0) await WriteTextAsync(zip, "未生成.txt", $"以下村没有{year}年的村基本情况和贫困户数据，未生成报告：\n" + string.Join("\n", withoutData), cancellationToken);
            if (problems.Length > 0) await WriteTextAsync(zip, "数据矛盾清单.txt", problems.ToString(), cancellationToken);
        }
        progress?.Report(new Progress(villages.Count, villages.Count, ""));
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.DownloadReport, AuditOutcome.Success,
            $"全县 {year} 年履职报告 · {format} · {edition}", cancellationToken: cancellationToken, detail: $"{written} 个村");
        return new Summary(written, withoutData.Count, withProblems);
    }

    private static async Task WriteTextAsync(ZipArchive zip, string name, string text, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
    }
}
