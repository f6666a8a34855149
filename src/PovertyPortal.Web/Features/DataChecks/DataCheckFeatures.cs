namespace PovertyPortal.Web.Features.DataChecks;

public static class DataCheckFeatures
{
    /// <summary>The data checks (大数据比对, issue 18): the rules, their runs on demand and nightly, findings and the ledger.</summary>
    public static IServiceCollection AddDataCheckFeatures(this IServiceCollection services)
    {
        services.AddSingleton<DataCheckRules>();
        services.AddScoped<RunDataChecks>();
        services.AddScoped<GetDataCheckOverview>();
        services.AddScoped<ListDataCheckFindings>();
        services.AddScoped<SaveDataCheckRuleSetting>();
        services.AddScoped<SendFindingsToLedger>();
        services.AddSingleton<NightlyDataChecks>();
        services.AddHostedService(sp => sp.GetRequiredService<NightlyDataChecks>());
        return services;
    }
}
