using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Net.Http.Headers;
using PovertyPortal.Documents.Procedures;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Correction.Documents;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// The printable 公示 (PDF or Word) at a stable URL, for the village board. A notice outside the user's scope answers 404
/// with a short page in Chinese; every download is audited by the notice's number.
/// </summary>
public static class PublicNoticeEndpoints
{
    public static string Url(int noticeId, string format) => $"/procedures/notices/{noticeId}/document?format={format}";

    public static IEndpointRouteBuilder MapPublicNoticeDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/procedures/notices/{id:int}/document", ServeAsync).RequireAuthorization(p => p.RequireRole(PortalRoles.ProcedureRoles.Split(',')));
        return endpoints;
    }

    private static async Task<IResult> ServeAsync(int id, string? format, HttpContext context, CancellationToken ct)
    {
        if (PerformanceReportFiles.ParseFormat(format ?? "pdf") is not { } kind)
        {
            return CorrectionDocumentEndpoints.Message(StatusCodes.Status400BadRequest, "文件格式应为 pdf 或 docx。");
        }
        var services = context.RequestServices;
        // The handlers read the user from the Blazor authentication state; on a plain endpoint it is the request's user.
        if (services.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
        var auditLog = services.GetRequiredService<AuditLog>();
        var userName = context.User.Identity?.Name;
        var recordId = id.ToString(CultureInfo.InvariantCulture);
        if (await services.GetRequiredService<GetPublicNotice>().HandleAsync(id, ct) is not { } found)
        {
            await auditLog.WriteAsync(userName, AuditActions.AccessDenied, AuditOutcome.Denied, "公示", nameof(Domain.Procedures.PublicNotice), recordId,
                "公示不存在或不在管辖范围内", ct);
            return CorrectionDocumentEndpoints.Message(StatusCodes.Status404NotFound, "该公示不存在，或者不在您的管辖范围内。");
        }
        var data = new PublicNoticeData
        {
            CountyName = found.CountyName, TownshipName = found.TownshipName, VillageName = found.VillageName, BatchLabel = found.Notice.BatchLabel,
            StartsOn = found.Notice.StartsOn, EndsOn = found.Notice.EndsOn, Contact = found.Notice.Contact,
            PostedBy = $"{found.VillageName}村民委员会", IssuedOn = found.Notice.StartsOn, Lines = found.Cases.Select(c => c.Line).ToList(),
        };
        byte[] bytes;
        try
        {
            bytes = services.GetRequiredService<PerformanceReportFiles>().Render(PublicNoticeComposer.Compose(data), kind);
        }
        catch (ReportFontException e)
        {
            return CorrectionDocumentEndpoints.Message(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
        await auditLog.WriteAsync(userName, AuditActions.DownloadPublicNotice, AuditOutcome.Success, $"公示 {data.BatchLabel} · {(kind == ReportFormat.Pdf ? "PDF" : "Word")}",
            nameof(Domain.Procedures.PublicNotice), recordId, cancellationToken: ct);
        context.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        var name = PublicNoticeComposer.FileName(data);
        return kind == ReportFormat.Pdf
            ? Results.File(bytes, "application/pdf", name + ".pdf")
            : Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }
}
