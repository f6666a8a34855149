namespace PovertyPortal.Web.Features.Areas;

public static class AreaFeatures
{
    /// <summary>The handlers of the administrative tree and the area summaries.</summary>
    public static IServiceCollection AddAreaFeatures(this IServiceCollection services)
    {
        services.AddScoped<GetAreaSummaries>();
        services.AddScoped<ListAreaOptions>();
        services.AddScoped<GetAreaTree>();
        services.AddScoped<SaveTownship>();
        services.AddScoped<SaveVillage>();
        services.AddScoped<SaveVillageGroup>();
        services.AddScoped<SetAreaRetired>();
        return services;
    }
}
