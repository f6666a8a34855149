namespace PovertyPortal.Web.Features.Import;

public static class ImportFeatures
{
    /// <summary>The handlers of the register import.</summary>
    public static IServiceCollection AddImportFeatures(this IServiceCollection services)
    {
        services.AddScoped<ImportRegister>();
        return services;
    }
}
