namespace PovertyPortal.Web.Features.Feeds;

public static class FeedFeatures
{
    /// <summary>The handlers of 部门预警信息 and 入户核实 (issue 20).</summary>
    public static IServiceCollection AddFeedFeatures(this IServiceCollection services)
    {
        services.AddScoped<GetFeedMapping>();
        services.AddScoped<UploadFeedBatch>();
        services.AddScoped<ListFeedBatches>();
        services.AddScoped<GetFeedBatch>();
        services.AddScoped<ListHomeChecks>();
        services.AddScoped<GetHomeCheck>();
        services.AddScoped<RecordHomeCheck>();
        return services;
    }
}
