using PovertyPortal.Web.Features.Benefits;
using PovertyPortal.Web.Features.Income;

namespace PovertyPortal.Web.Features.Support;

public static class SupportServiceCollectionExtensions
{
    /// <summary>The handlers of issue 5 (income, benefits, microloans, assurance), in one place to keep merges small.</summary>
    public static IServiceCollection AddSupportFeatures(this IServiceCollection services)
    {
        services.AddScoped<SaveIncomeRecord>();
        services.AddScoped<GetHouseholdIncome>();
        services.AddScoped<ListBenefitPrograms>();
        services.AddScoped<SaveBenefitProgram>();
        services.AddScoped<SaveBenefitRecord>();
        services.AddScoped<ListBenefitRecords>();
        services.AddScoped<GetVillageBenefitSums>();
        services.AddScoped<ImportBenefits>();
        services.AddScoped<Microloans.SaveMicroloan>();
        services.AddScoped<Microloans.ListMicroloans>();
        services.AddScoped<SavePovertyLine>();
        services.AddScoped<SaveAssuranceCheck>();
        services.AddScoped<GetAssuranceChecks>();
        return services;
    }
}
