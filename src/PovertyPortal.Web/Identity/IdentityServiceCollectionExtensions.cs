using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using PovertyPortal.Data;
using PovertyPortal.Web.Components.Account;

namespace PovertyPortal.Web.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>The idle time after which a user is signed out (等保2.0 三级: 30 minutes).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);

    /// <summary>ASP.NET Core Identity on the portal database, set up for MLPS 2.0 level 3.</summary>
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.AddSingleton<PasswordPolicy>();
        services.AddScoped<PortalSignIn>();
        services.AddSignInRateLimiting(configuration);
        services.AddCascadingAuthenticationState();
        services.AddHttpContextAccessor();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<CircuitActivity>();
        services.AddScoped<IAreaScopeSource>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddMemoryCache();
        services.AddScoped<AreaNames>();
        services.AddScoped<ClientAddress>();
        services.AddScoped<CircuitHandler, ClientAddressCircuitHandler>();
        services.AddScoped<AuditLog>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();
        // Antiforgery's cookie follows the request like the sign-in cookie: Secure over HTTPS (or behind the proxy's HTTPS).
        services.AddAntiforgery(o =>
        {
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.HttpOnly = true;
        });

        services.AddIdentityCore<PortalUser>(options =>
            {
                options.Password.RequiredLength = ChinesePasswordValidator.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = true; // answered by DisabledUserConfirmation
                options.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddUserManager<PortalUserManager>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddPasswordValidator<ChinesePasswordValidator>()
            .AddPasswordValidator<PasswordHistoryValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>();
        services.AddScoped<IUserConfirmation<PortalUser>, DisabledUserConfirmation>();

        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Cookie.Name = "PovertyPortal.Auth";
            options.Cookie.HttpOnly = true;
            // Secure whenever the request is HTTPS, which behind nginx the forwarded X-Forwarded-Proto says.
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.SameSite = SameSiteMode.Lax;
            SessionLifetime.Attach(options);
        });
        // A disabled user or a changed scope takes effect within a minute, not after the default half hour.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            o.OnRefreshingPrincipal = SessionLifetime.CopySignInTime;
        });
        return services;
    }
}
