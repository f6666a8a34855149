namespace PovertyPortal.Web.Features.Assurance;

public static class AssuranceFeatures
{
    /// <summary>The handlers of 两不愁三保障 checks.</summary>
    public static IServiceCollection AddAssuranceFeatures(this IServiceCollection services)
    {
        services.AddScoped<GetAssuranceChecks>();
        services.AddScoped<SaveAssuranceCheck>();
        return services;
    }
}
