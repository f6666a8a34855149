namespace PovertyPortal.Web.Features.Income;

public static class IncomeFeatures
{
    /// <summary>The handlers of households' incomes and the poverty lines.</summary>
    public static IServiceCollection AddIncomeFeatures(this IServiceCollection services)
    {
        services.AddScoped<GetHouseholdIncome>();
        services.AddScoped<SaveIncomeRecord>();
        services.AddScoped<SavePovertyLine>();
        return services;
    }
}
