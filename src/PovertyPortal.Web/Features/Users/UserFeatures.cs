namespace PovertyPortal.Web.Features.Users;

public static class UserFeatures
{
    /// <summary>The handlers of user management.</summary>
    public static IServiceCollection AddUserFeatures(this IServiceCollection services)
    {
        services.AddScoped<CountUsers>();
        services.AddScoped<ListUsers>();
        services.AddScoped<SaveUser>();
        services.AddScoped<ResetUserPassword>();
        services.AddScoped<SetUserDisabled>();
        services.AddScoped<ResetUserTwoFactor>();
        return services;
    }
}
