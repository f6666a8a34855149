using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PovertyPortal.Web.Infrastructure;
using PovertyPortal.DemoData;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

var builder = WebApplication.CreateBuilder(args);
var paths = new PortalPaths(builder.Configuration, builder.Environment);
builder.AddPortalLogging(paths);
builder.Services.AddPortalServices(builder.Configuration, paths);
builder.Services.AddScoped<DemoDataSeeder>();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    // `import` works on the database as the portal would find it (migrated; the demo county in demo mode).
    if (args[0] == "import") await app.PrepareDatabaseAsync();
    return await CommandLine.RunAsync(app, args);
}

var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
try
{
    await app.PrepareDatabaseAsync();
    readiness.MarkReady();
}
catch (PovertyPortal.Data.Encryption.PersonalDataKeyException e)
{
    // The wrong key file would show every ID and phone as an error page; better not to start, and to say why.
    app.Logger.LogCritical("无法启动：{Reason}", e.Message);
    return 1;
}
catch (Exception e) when (PovertyPortal.Data.DatabaseFaults.IsUnavailable(e))
{
    // A database that is down at start (a server rebooting with the portal) is waited for, behind a status page.
    app.Logger.LogError("数据库无法连接，门户先显示“暂时无法访问”页面，并定时重试：{Reason}", e.Message);
    app.Lifetime.ApplicationStarted.Register(() => _ = readiness.RetryStartAsync(app));
}
app.UsePortal();
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    foreach (var address in addresses) app.Logger.LogInformation("驻村帮扶工作管理平台已启动，请在浏览器中打开 {Url}", address);
    // The collector's young-generation budget is set by the environment only (deploy/README.md, "Sizing"): say whether
    // the service gave it, so an operator reading the log can tell.
    var gen0 = Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "默认（未设置 DOTNET_GCgen0size）";
    app.Logger.LogInformation("垃圾回收：{Mode}，新生代预算 {Gen0}", System.Runtime.GCSettings.IsServerGC ? "服务器模式" : "工作站模式", gen0);
});
await app.RunAsync();
return readiness.Failed ? 1 : 0;
