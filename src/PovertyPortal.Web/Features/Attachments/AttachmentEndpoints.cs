using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using PovertyPortal.Data;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.Attachments;

public static class AttachmentEndpoints
{
    /// <summary>
    /// GET /attachments/{id}: the file, only when its row is inside the signed-in user's scope (otherwise 404, the
    /// same answer as for an id that does not exist). Served with the type found at upload, nosniff and a sandbox
    /// policy, so the browser never runs it as a page whatever it contains. With ?pair= the file is looked for in that
    /// inspection pair's sample scope as well (the photos an inspecting group took in the township it inspects).
    /// </summary>
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/attachments/{id:int}", async (int id, bool? download, int? pair, HttpContext context, IServiceProvider services, PortalPaths paths, CancellationToken cancellationToken) =>
        {
            // CurrentUser reads the Blazor authentication state; on a plain endpoint it is the request's user.
            if (services.GetRequiredService<AuthenticationStateProvider>() is IHostEnvironmentAuthenticationStateProvider host)
            {
                host.SetAuthenticationState(Task.FromResult(new AuthenticationState(context.User)));
            }
            var dbFactory = services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            if (attachment is null && pair is int pairId
                && await services.GetRequiredService<Inspections.InspectionAccess>().OpenAsync(pairId, cancellationToken) is var (_, groupDb))
            {
                await using (groupDb) attachment = await groupDb.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
            }
            var auditLog = services.GetRequiredService<Identity.AuditLog>();
            var userName = context.User.Identity?.Name;
            var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (attachment is null)
            {
                // Missing and out of scope answer alike (404); the entry records the attempt either way.
                await auditLog.WriteAsync(userName, Domain.Common.AuditActions.AccessDenied, Domain.Common.AuditOutcome.Denied,
                    $"附件 {id}", "Attachment", recordId, "不存在或不在管辖范围内", cancellationToken);
                return Results.NotFound();
            }
            await auditLog.WriteAsync(userName, Domain.Common.AuditActions.DownloadAttachment, Domain.Common.AuditOutcome.Success,
                AttachmentFiles.AuditTarget(attachment), "Attachment", recordId, cancellationToken: cancellationToken);
            var path = AttachmentFiles.PathOf(paths, attachment);
            if (!File.Exists(path)) return Results.NotFound();

            context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
            context.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'";
            context.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
            var header = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
            header.SetHttpFileName(attachment.FileName);
            context.Response.Headers[HeaderNames.ContentDisposition] = header.ToString();
            return Results.File(path, attachment.ContentType, enableRangeProcessing: true);
        }).RequireAuthorization();
        return endpoints;
    }
}
