namespace PovertyPortal.Web.Features.Villages;

public static class VillageFeatures
{
    /// <summary>The handlers of the village list, the village page and its yearly profiles.</summary>
    public static IServiceCollection AddVillageFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListVillages>();
        services.AddScoped<GetVillageDetail>();
        services.AddScoped<ListVillageProfiles>();
        services.AddScoped<SaveVillageProfile>();
        return services;
    }
}
