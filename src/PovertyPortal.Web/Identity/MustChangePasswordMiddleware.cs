namespace PovertyPortal.Web.Identity;

/// <summary>
/// A user whose password was reset by an administrator or has aged out can do nothing but change it; then a user
/// whose role requires a second factor can do nothing but set it up (Security:TwoFactorRequiredRoles).
/// </summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        var duty = context.User.HasClaim(PortalClaims.MustChangePassword, "true") ? "/account/change-password"
            : context.User.HasClaim(PortalClaims.MustEnrolTwoFactor, "true") ? "/account/two-factor"
            : null;
        if (duty is not null
            && HttpMethods.IsGet(context.Request.Method)
            && !path.StartsWithSegments("/account")
            && !path.StartsWithSegments("/_framework")
            && !path.StartsWithSegments("/_content")
            && !path.StartsWithSegments("/_blazor")
            && !path.StartsWithSegments("/health")
            && !Path.HasExtension(path.Value))
        {
            context.Response.Redirect(duty);
            return Task.CompletedTask;
        }
        return next(context);
    }
}
