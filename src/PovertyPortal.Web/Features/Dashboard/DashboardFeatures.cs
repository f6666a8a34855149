namespace PovertyPortal.Web.Features.Dashboard;

public static class DashboardFeatures
{
    /// <summary>The handlers of the dashboard: one query per figure group and its PDF.</summary>
    public static IServiceCollection AddDashboardFeatures(this IServiceCollection services)
    {
        services.AddScoped<GetDashboard>();
        services.AddScoped<GetDashboardAreas>();
        services.AddScoped<GetRegistryFigures>();
        services.AddScoped<GetExitsPerYear>();
        services.AddScoped<GetPovertyCauses>();
        services.AddScoped<GetMonitoringFigures>();
        services.AddScoped<GetIncomeFigures>();
        services.AddScoped<GetBenefitFigures>();
        services.AddScoped<GetMicroloanFigures>();
        services.AddScoped<GetAssuranceFigures>();
        services.AddScoped<GetCollectiveIncomeFigures>();
        services.AddScoped<GetResidencyFigures>();
        services.AddScoped<GetIncomeTrend>();
        services.AddScoped<DashboardPdf>();
        return services;
    }
}
