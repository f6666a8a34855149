namespace PovertyPortal.Web.Features.Reconciliation;

public static class ReconciliationFeatures
{
    /// <summary>The handlers of 账账相符 (issue 18).</summary>
    public static IServiceCollection AddReconciliationFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListReconciliationSources>();
        services.AddScoped<SaveReconciliationSource>();
        services.AddScoped<CompareWithFile>();
        services.AddScoped<ApplyReconciliationDifference>();
        services.AddScoped<SendReconciliationToLedger>();
        services.AddScoped<ExportReconciliation>();
        return services;
    }
}
