using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PovertyPortal.DemoData;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.IntegrationTests.Infrastructure;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.VillageWork;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.IntegrationTests;

/// <summary>Attachments of work logs and projects: what is accepted, how it is stored, and who may fetch it.</summary>
public abstract partial class AttachmentTests(PortalAppFixture app)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private async Task<int> ProjectAsync()
    {
        await using var db = app.SystemDb();
        return await db.VillageProjects.Where(p => p.Name == "村级光伏扶贫电站").Select(p => p.Id).FirstAsync();
    }

    private async Task<(int Id, string Summary)> UploadAsync(string userName, int projectId, string name, byte[] content)
    {
        await using var scope = await app.ScopeForAsync(userName);
        using var stream = new MemoryStream(content);
        var result = await scope.ServiceProvider.GetRequiredService<UploadAttachment>().HandleAsync(AttachmentOwner.Project, projectId, name, stream);
        return (result.Value, result.Outcome.Summary);
    }

    [Fact]
    public async Task A_pdf_is_stored_with_the_type_its_bytes_show_and_served_only_inside_the_scope_never_as_a_page()
    {
        var project = await ProjectAsync();
        // Named like a page and claimed to be one: the bytes say PDF, and PDF it stays.
        var (id, error) = await UploadAsync("leader", project, "验收报告<script>.html", Pdf);
        Assert.True(id > 0, error);
        await using (var db = app.SystemDb())
        {
            var row = await db.Attachments.SingleAsync(a => a.Id == id);
            Assert.Equal(("application/pdf", "验收报告<script>.html.pdf", Pdf.Length, "leader"), (row.ContentType, row.FileName, (int)row.Size, row.CreatedBy));
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), row.Sha256);
        }

        using var leader = await SignedInClientAsync("leader");
        using var response = await leader.GetAsync($"/attachments/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("验收报告<script>.html.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var download = await leader.GetAsync($"/attachments/{id}?download=true", TestContext.Current.CancellationToken);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);

        // Another township's official gets the same answer as for an id that does not exist.
        using var outsider = await SignedInClientAsync("township2");
        using var hidden = await outsider.GetAsync($"/attachments/{id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var missing = await leader.GetAsync("/attachments/999999", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        // Issue 15: the downloads and the refusal are audited, with the test server's client address.
        var recordId = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using (var db = app.SystemDb())
        {
            var entries = await db.AuditLog.AsNoTracking().Where(a => a.RecordType == "Attachment" && a.RecordId == recordId).ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(2, entries.Count(a => a.Action == AuditActions.DownloadAttachment && a.UserName == "leader" && a.Outcome == AuditOutcome.Success));
            Assert.Single(entries, a => a.Action == AuditActions.AccessDenied && a.UserName == "township2" && a.Outcome == AuditOutcome.Denied);
            Assert.All(entries, a => Assert.False(string.IsNullOrEmpty(a.IpAddress)));
        }

        using var anonymous = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var refused = await anonymous.GetAsync($"/attachments/{id}", TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task Html_named_as_a_photo_an_oversized_file_and_uploads_outside_the_scope_are_refused_and_leave_nothing_behind()
    {
        var project = await ProjectAsync();
        await using var db = app.SystemDb();
        var before = await db.Attachments.CountAsync();
        var folder = Path.Combine(app.Factory.Services.GetRequiredService<PovertyPortal.Web.Infrastructure.PortalPaths>().DataDirectory, "attachments");
        var filesBefore = Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;

        Assert.Equal(AttachmentContent.NotAllowed, (await UploadAsync("leader", project, "现场照片.jpg", Encoding.UTF8.GetBytes("<html><body onload=alert(1)>"))).Summary);
        Assert.Equal(AttachmentContent.NotAllowed, (await UploadAsync("leader", project, "图.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>"))).Summary);
        var tooLarge = new byte[AttachmentContent.MaxBytes + 1];
        Pdf.CopyTo(tooLarge, 0);
        Assert.Equal(AttachmentContent.TooLarge, (await UploadAsync("leader", project, "大文件.pdf", tooLarge)).Summary);
        Assert.Equal("附件所属的记录不存在或不在您的管辖范围内", (await UploadAsync("township2", project, "越权.pdf", Pdf)).Summary);

        // Exactly 10 MB is still accepted.
        var limit = new byte[AttachmentContent.MaxBytes];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(limit, 0);
        var (id, error) = await UploadAsync("member", project, "航拍.jpg", limit);
        Assert.True(id > 0, error);

        Assert.Equal(before + 1, await db.Attachments.CountAsync());
        Assert.Equal(filesBefore + 1, Directory.GetFiles(folder).Length);
        Assert.Equal("image/jpeg", (await db.Attachments.SingleAsync(a => a.Id == id)).ContentType);
    }

    [Fact]
    public async Task Deleting_a_work_log_takes_its_attachments_with_it_and_nobody_outside_the_village_can_delete()
    {
        await using var db = app.SystemDb();
        var village = await db.Villages.Where(v => v.AdminCode == "421129101201").Select(v => v.Id).SingleAsync();
        int logId;
        await using (var scope = await app.ScopeForAsync("member"))
        {
            var saved = await scope.ServiceProvider.GetRequiredService<PovertyPortal.Web.Features.WorkTeams.SaveWorkLog>().HandleAsync(new()
            {
                VillageId = village, Date = new DateTime(2022, 3, 1), Type = Domain.WorkTeams.WorkLogType.GeoInformation, Summary = "采集地理位置信息",
            });
            logId = saved.Value;
            using var stream = new MemoryStream(Pdf);
            Assert.True((await scope.ServiceProvider.GetRequiredService<UploadAttachment>().HandleAsync(AttachmentOwner.WorkLog, logId, "坐标.pdf", stream)).Succeeded);
        }
        var stored = await db.Attachments.SingleAsync(a => a.OwnerType == AttachmentOwner.WorkLog && a.OwnerId == logId);
        var file = Path.Combine(app.Factory.Services.GetRequiredService<PovertyPortal.Web.Infrastructure.PortalPaths>().DataDirectory, "attachments", stored.StoredName);
        Assert.True(File.Exists(file));

        await using (var outsider = await app.ScopeForAsync("township2"))
        {
            var refused = await outsider.ServiceProvider.GetRequiredService<DeleteWorkLog>().HandleAsync(logId);
            Assert.Equal("该工作日志不存在或不在您的管辖范围内", refused.Summary);
        }
        Assert.True(await db.WorkLogs.AnyAsync(l => l.Id == logId));

        await using (var scope = await app.ScopeForAsync("leader"))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeleteWorkLog>().HandleAsync(logId)).Succeeded);
        }
        Assert.False(await db.WorkLogs.AnyAsync(l => l.Id == logId));
        Assert.False(await db.Attachments.AnyAsync(a => a.Id == stored.Id));
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task An_attachment_is_deleted_alone_and_a_project_takes_its_attachments_with_it_both_inside_the_scope_only()
    {
        await using var db = app.SystemDb();
        var village = await db.Villages.Where(v => v.AdminCode == "421129101201").Select(v => v.Id).SingleAsync();
        int projectId;
        await using (var scope = await app.ScopeForAsync("leader"))
        {
            var saved = await scope.ServiceProvider.GetRequiredService<SaveProject>().HandleAsync(new()
            {
                VillageId = village, Type = ProjectType.Other, Name = "待删除的项目", CompletionDate = new DateTime(2022, 5, 1),
            });
            Assert.True(saved.Succeeded, saved.Outcome.Summary);
            projectId = saved.Value;
        }
        var (first, firstError) = await UploadAsync("leader", projectId, "验收单.pdf", Pdf);
        var (second, secondError) = await UploadAsync("leader", projectId, "照片说明.pdf", Pdf);
        Assert.True(first > 0 && second > 0, firstError + secondError);
        var folder = Path.Combine(app.Factory.Services.GetRequiredService<PovertyPortal.Web.Infrastructure.PortalPaths>().DataDirectory, "attachments");
        string FileOf(int id) => Path.Combine(folder, db.Attachments.AsNoTracking().Single(a => a.Id == id).StoredName);
        var (firstFile, secondFile) = (FileOf(first), FileOf(second));

        await using (var outsider = await app.ScopeForAsync("township2"))
        {
            Assert.Equal("该附件不存在或不在您的管辖范围内", (await outsider.ServiceProvider.GetRequiredService<DeleteAttachment>().HandleAsync(first)).Summary);
            Assert.Equal("该项目不存在或不在您的管辖范围内", (await outsider.ServiceProvider.GetRequiredService<DeleteProject>().HandleAsync(projectId)).Summary);
        }
        Assert.True(File.Exists(firstFile));

        await using (var scope = await app.ScopeForAsync("member"))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeleteAttachment>().HandleAsync(first)).Succeeded);
        }
        Assert.False(await db.Attachments.AnyAsync(a => a.Id == first));
        Assert.False(File.Exists(firstFile));
        var firstId = first.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await db.AuditLog.AnyAsync(a => a.Action == AuditActions.RecordDeleted && a.RecordType == "Attachment" && a.RecordId == firstId && a.UserName == "member"));
        Assert.True(await db.VillageProjects.AnyAsync(p => p.Id == projectId));
        Assert.True(File.Exists(secondFile));

        await using (var scope = await app.ScopeForAsync("leader"))
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeleteProject>().HandleAsync(projectId)).Succeeded);
        }
        Assert.False(await db.VillageProjects.AnyAsync(p => p.Id == projectId));
        Assert.False(await db.Attachments.AnyAsync(a => a.Id == second));
        Assert.False(File.Exists(secondFile));
    }

    private async Task<HttpClient> SignedInClientAsync(string userName)
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/account/login", TestContext.Current.CancellationToken);
        var fields = HiddenInput().Matches(form).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.UserName"] = userName;
        fields["Input.Password"] = DemoDataSeeder.DemoPassword;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}

[Collection(nameof(SqliteCollection))]
public sealed class AttachmentTestsOnSqlite(SqliteAppFixture app) : AttachmentTests(app);

[Collection(nameof(PostgreSqlCollection))]
public sealed class AttachmentTestsOnPostgreSql(PostgreSqlAppFixture app) : AttachmentTests(app);
