namespace PovertyPortal.Web.Features.YearLocks;

public static class YearLockFeatures
{
    /// <summary>The handlers of 年度锁定 (decision 0032): the townships × years table, locking and unlocking.</summary>
    public static IServiceCollection AddYearLockFeatures(this IServiceCollection services)
    {
        services.AddScoped<ListYearLocks>();
        services.AddScoped<LockYear>();
        services.AddScoped<UnlockYear>();
        return services;
    }
}
