using System.Globalization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Net.Http.Headers;
using PovertyPortal.Documents.Correction;
using PovertyPortal.Documents.Rendering;
using PovertyPortal.Domain.Common;
using PovertyPortal.Web.Features.Reports;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction.Documents;

/// <summary>
/// The five correction documents as PDF or Word at stable URLs the case pages link to. Each answers a refusal with a
/// short page in Chinese and its status (403 for a role or a minor's case, 404 for a case outside the scope, 400 for
/// bad input), never an exception page; every download and every refusal by scope or role is audited, with case and
/// record numbers only.
/// </summary>
public static class CorrectionDocumentEndpoints
{
    public static IServiceCollection AddCorrectionDocuments(this IServiceCollection services)
    {
        services.AddScoped<CorrectionDocumentAccess>();
        services.AddScoped<GetRegistrationForm>();
        services.AddScoped<GetWarningDecision>();
        services.AddScoped<GetProposalDocument>();
        services.AddScoped<GetReleaseCertificate>();
        services.AddScoped<GetCorrectionStatistics>();
        return services;
    }

    public static string RegistrationUrl(int subjectId, ReportFormat format) => $"/correction/documents/registration/{subjectId}?format={Code(format)}";

    public static string WarningUrl(int warningId, ReportFormat format) => $"/correction/documents/warning/{warningId}?format={Code(format)}";

    public static string ProposalUrl(int proposalId, ReportFormat format) => $"/correction/documents/proposal/{proposalId}?format={Code(format)}";

    public static string ReleaseUrl(int subjectId, ReportFormat format) => $"/correction/documents/release/{subjectId}?format={Code(format)}";

    public static string StatisticsUrl(int year, int month, int? townshipId, ReportFormat format) =>
        $"/correction/statistics/{year}/{month}?format={Code(format)}" + (townshipId is int t ? $"&township={t}" : "");

    private static string Code(ReportFormat format) => format == ReportFormat.Pdf ? "pdf" : "docx";

    public static IEndpointRouteBuilder MapCorrectionDocuments(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/correction").RequireAuthorization();
        group.MapGet("/documents/registration/{id:int}", (int id, string? format, HttpContext context, CancellationToken ct) =>
            ServeAsync(context, format, new(AuditActions.DownloadRegistrationForm, "接收登记表", "CorrectionSubject", id),
                s => s.GetRequiredService<GetRegistrationForm>().HandleAsync(id, ct), d => (RegistrationFormComposer.Compose(d), RegistrationFormComposer.FileName(d)), ct));
        group.MapGet("/documents/warning/{id:int}", (int id, string? format, HttpContext context, CancellationToken ct) =>
            ServeAsync(context, format, new(AuditActions.DownloadWarningDecision, "警告决定书", "CorrectionWarning", id),
                s => s.GetRequiredService<GetWarningDecision>().HandleAsync(id, ct), d => (WarningDecisionComposer.Compose(d), WarningDecisionComposer.FileName(d)), ct));
        group.MapGet("/documents/proposal/{id:int}", (int id, string? format, HttpContext context, CancellationToken ct) =>
            ServeAsync(context, format, new(AuditActions.DownloadCorrectionProposal, "撤销或收监建议书", "CorrectionProposal", id),
                s => s.GetRequiredService<GetProposalDocument>().HandleAsync(id, ct), d => (ProposalDocumentComposer.Compose(d), ProposalDocumentComposer.FileName(d)), ct));
        group.MapGet("/documents/release/{id:int}", (int id, string? format, HttpContext context, CancellationToken ct) =>
            ServeAsync(context, format, new(AuditActions.DownloadReleaseCertificate, "解除社区矫正证明书", "CorrectionSubject", id),
                s => s.GetRequiredService<GetReleaseCertificate>().HandleAsync(id, ct), d => (ReleaseCertificateComposer.Compose(d), ReleaseCertificateComposer.FileName(d)), ct));
        group.MapGet("/statistics/{year:int}/{month:int}", (int year, int month, string? format, string? township, HttpContext context, CancellationToken ct) =>
        {
            int? townshipId = null;
            if (!string.IsNullOrWhiteSpace(township))
            {
                if (!int.TryParse(township, NumberStyles.None, CultureInfo.InvariantCulture, out var t)) return Task.FromResult(Message(StatusCodes.Status400BadRequest, "乡镇参数无效。"));
                townshipId = t;
            }
            var what = new AuditedDocument(AuditActions.DownloadCorrectionStatistics, $"月度统计表 {year}年{month}月", townshipId is null ? null : "Township", townshipId);
            return ServeAsync(context, format, what, s => s.GetRequiredService<GetCorrectionStatistics>().HandleAsync(new(year, month, townshipId), ct),
                d => (CorrectionStatisticsComposer.Compose(d), CorrectionStatisticsComposer.TitleOf(d)), ct);
        });
        return endpoints;
    }

    /// <summary>What an audit entry says of a download: the action, a label, and the record by type and number.</summary>
    private sealed record AuditedDocument(string Action, string Label, string? RecordType, int? RecordId);

    private static async Task<IResult> ServeAsync<T>(HttpContext context, string? formatText, AuditedDocument what,
        Func<IServiceProvider, Task<DocumentLookup<T>>> find, Func<T, (ReportDocument Document, string Name)> compose, CancellationToken ct) where T : class
    {
        if (PerformanceReportFiles.ParseFormat(formatText ?? "pdf") is not { } format)
        {
            return Message(StatusCodes.Status400BadRequest, "文件格式应为 pdf 或 docx。");
        }
        var services = context.RequestServices;
        // CurrentUser reads the Blazor authentication state; on a plain endpoint it is the request's user.
        if (services.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
        {
            host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
        }
        var auditLog = services.GetRequiredService<AuditLog>();
        var userName = context.User.Identity?.Name;
        var recordId = what.RecordId?.ToString(CultureInfo.InvariantCulture);
        var found = await find(services);
        if (found.Data is not { } data)
        {
            if (found.Status is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound)
            {
                await auditLog.WriteAsync(userName, AuditActions.AccessDenied, AuditOutcome.Denied, what.Label, what.RecordType, recordId,
                    found.Refusal, ct);
            }
            return Message(found.Status, found.Refusal ?? "无法生成该文书。");
        }
        var (document, name) = compose(data);
        byte[] bytes;
        try
        {
            bytes = services.GetRequiredService<PerformanceReportFiles>().Render(document, format);
        }
        catch (ReportFontException e)
        {
            return Message(StatusCodes.Status503ServiceUnavailable, e.Message);
        }
        await auditLog.WriteAsync(userName, what.Action, AuditOutcome.Success, $"{what.Label} · {(format == ReportFormat.Pdf ? "PDF" : "Word")}",
            what.RecordType, recordId, cancellationToken: ct);
        context.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return format == ReportFormat.Pdf
            ? Results.File(bytes, "application/pdf", name + ".pdf")
            : Results.File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    }

    /// <summary>A refusal as a small page in Chinese: a download link opened in the browser shows why there is no file.</summary>
    internal static IResult Message(int status, string message)
    {
        var text = System.Net.WebUtility.HtmlEncode(message);
        var html = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">" +
            "<title>无法下载文书</title></head><body style=\"font-family:sans-serif;padding:1.5em;max-width:40em\">" +
            $"<h1 style=\"font-size:1.3em\">无法下载文书</h1><p data-testid=\"refusal\">{text}</p><p><a href=\"/\">返回首页</a></p></body></html>";
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
