using System.Globalization;
using PovertyPortal.Web.Infrastructure;
using PovertyPortal.Web.Seeding;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");

var builder = WebApplication.CreateBuilder(args);
var paths = new PortalPaths(builder.Configuration, builder.Environment);
builder.AddPortalLogging(paths);
builder.Services.AddPortalServices(builder.Configuration, paths);
builder.Services.AddScoped<DemoDataSeeder>();

var app = builder.Build();

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();
app.UsePortal();
await app.RunAsync();
return 0;
