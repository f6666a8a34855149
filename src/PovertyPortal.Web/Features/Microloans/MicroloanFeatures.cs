namespace PovertyPortal.Web.Features.Microloans;

public static class MicroloanFeatures
{
    /// <summary>The handlers of 扶贫小额信贷.</summary>
    public static IServiceCollection AddMicroloanFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListMicroloans>();
        services.AddScoped<SaveMicroloan>();
        return services;
    }
}
