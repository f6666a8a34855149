namespace PovertyPortal.Web.Features.Households;

public static class HouseholdFeatures
{
    /// <summary>The handlers of the household register: list, page, forms, revealing and export.</summary>
    public static IServiceCollection AddHouseholdFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListHouseholds>();
        services.AddScoped<GetHousehold>();
        services.AddScoped<SaveHousehold>();
        services.AddScoped<SaveMember>();
        services.AddScoped<RevealPersonalData>();
        services.AddScoped<ExportHouseholds>();
        return services;
    }
}
