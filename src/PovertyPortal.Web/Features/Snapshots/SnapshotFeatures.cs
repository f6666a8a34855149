namespace PovertyPortal.Web.Features.Snapshots;

public static class SnapshotFeatures
{
    /// <summary>The handlers of the year-end snapshots (年末数据快照): freezing, the list, figures as of a snapshot and the year-over-year changes.</summary>
    public static IServiceCollection AddSnapshotFeatures(this IServiceCollection services)
    {
        services.AddScoped<FreezeYearEndSnapshot>();
        services.AddScoped<ListYearEndSnapshots>();
        services.AddScoped<GetSnapshotDashboard>();
        services.AddScoped<GetSnapshotChanges>();
        services.AddScoped<ExplainSnapshotChange>();
        return services;
    }
}
