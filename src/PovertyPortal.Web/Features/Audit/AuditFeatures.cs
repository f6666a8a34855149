namespace PovertyPortal.Web.Features.Audit;

public static class AuditFeatures
{
    /// <summary>The handlers of the audit viewer.</summary>
    public static IServiceCollection AddAuditFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListAuditLog>();
        services.AddScoped<ExportAuditLog>();
        return services;
    }
}
