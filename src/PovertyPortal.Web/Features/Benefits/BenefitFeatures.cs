namespace PovertyPortal.Web.Features.Benefits;

public static class BenefitFeatures
{
    /// <summary>The handlers of benefit programs and records, their sums and import.</summary>
    public static IServiceCollection AddBenefitFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListBenefitPrograms>();
        services.AddScoped<SaveBenefitProgram>();
        services.AddScoped<ListBenefitRecords>();
        services.AddScoped<SaveBenefitRecord>();
        services.AddScoped<GetVillageBenefitSums>();
        services.AddScoped<ImportBenefits>();
        return services;
    }
}
