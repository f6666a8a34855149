using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Web.Components;
using PovertyPortal.Web.Components.Account;
using PovertyPortal.Web.Components.Localization;
using PovertyPortal.Web.Features;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Correction.Documents;
using PovertyPortal.Web.Features.Procedures;
using PovertyPortal.Web.Identity;
using Serilog;
using Serilog.Events;

namespace PovertyPortal.Web.Infrastructure;

public static class HostingExtensions
{
    /// <summary>Serilog to the console and a daily rolling file under the data folder.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder, PortalPaths paths)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(Path.Combine(paths.LogDirectory, "portal-.log"), rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 180, formatProvider: CultureInfo.InvariantCulture));
        return builder;
    }

    public static IServiceCollection AddPortalServices(this IServiceCollection services, IConfiguration configuration, PortalPaths paths)
    {
        services.AddSingleton(paths);
        services.AddSingleton<DatabaseReadiness>();
        services.AddPortalDatabase(configuration, paths.DefaultSqliteConnectionString);
        services.AddPortalIdentity(configuration);
        services.AddPortalDataProtection(configuration);
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database");

        // Chinese text is written as it is, not as &#x...; entities: pages are a third of the size and readable.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddPortalCircuits(configuration);
        services.AddMudServices(config =>
        {
            config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.TopCenter;
            config.SnackbarConfiguration.ShowCloseIcon = true;
        });
        services.AddTransient<MudLocalizer, ZhCnMudLocalizer>();
        services.AddPortalFeatures(configuration);
        return services;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        var security = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        // Behind nginx (deploy/): its X-Forwarded-* headers, and only from the configured proxies (loopback by default).
        app.UseForwardedHeaders(SecurityHeaders.ForwardedHeaders(security));
        app.UsePortalSecurityHeaders();
        var readiness = app.Services.GetRequiredService<DatabaseReadiness>();
        app.Use(async (context, next) =>
        {
            if (readiness.IsReady) await next(context);
            else await DatabaseReadiness.WriteStatusPageAsync(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }
        if (security.Hsts ?? !app.Environment.IsDevelopment()) app.UseHsts();
        app.UseSerilogRequestLogging();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("zh-CN"),
            SupportedCultures = [new CultureInfo("zh-CN")],
            SupportedUICultures = [new CultureInfo("zh-CN")],
        });
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseSignInRateLimiting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health", HealthResponse.Options);
        app.MapAccountEndpoints();
        app.MapAttachmentEndpoints();
        app.MapCorrectionDocuments();
        app.MapPublicNoticeDocuments();
        // Blazor's own "frame-ancestors 'self'" would take the place of the portal's whole policy (SecurityHeaders), which
        // says frame-ancestors 'none' among the rest.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
