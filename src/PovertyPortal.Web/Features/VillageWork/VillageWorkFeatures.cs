namespace PovertyPortal.Web.Features.VillageWork;

public static class VillageWorkFeatures
{
    /// <summary>The handlers of the village's projects, industries and collective income.</summary>
    public static IServiceCollection AddVillageWorkFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListVillageWork>();
        services.AddScoped<GetVillageWorkSummary>();
        services.AddScoped<ListCollectiveIncomeByVillage>();
        services.AddScoped<SaveProject>();
        services.AddScoped<DeleteProject>();
        services.AddScoped<SaveIndustry>();
        services.AddScoped<DeleteIndustry>();
        services.AddScoped<SaveCollectiveIncome>();
        services.AddScoped<DeleteCollectiveIncome>();
        return services;
    }
}
