using PovertyPortal.Documents.Rendering;

namespace PovertyPortal.Web.Features.Reports;

public static class ReportFeatures
{
    /// <summary>
    /// The performance report: its handlers and the sections that fill it. Another feature adds a chapter by
    /// registering one more <see cref="IPerformanceReportSection"/> (policy groups, attendance, work logs, projects).
    /// </summary>
    public static IServiceCollection AddReportFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ReportFontOptions>(configuration.GetSection("Reports:Fonts"));
        services.AddSingleton<PerformanceReportFiles>();
        services.AddScoped<LoadPerformanceReport>();
        services.AddScoped<SaveReportProse>();
        services.AddScoped<ListReportProseVersions>();
        services.AddScoped<BuildCountyReports>();
        services.AddScoped<IPerformanceReportSection, VillageProfileSection>();
        services.AddScoped<IPerformanceReportSection, RegistrySection>();
        services.AddScoped<IPerformanceReportSection, TeamsSection>();
        services.AddScoped<IPerformanceReportSection, PolicyGroupsSection>();
        services.AddScoped<IPerformanceReportSection, VillageWorkSection>();
        services.AddScoped<IPerformanceReportSection, ProseSection>();
        return services;
    }
}
