namespace PovertyPortal.Web.Identity;

/// <summary>A user whose password was reset by an administrator can do nothing but change it.</summary>
public sealed class MustChangePasswordMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(PortalClaims.MustChangePassword, "true")
            && HttpMethods.IsGet(context.Request.Method)
            && !path.StartsWithSegments("/account")
            && !path.StartsWithSegments("/_framework")
            && !path.StartsWithSegments("/_content")
            && !path.StartsWithSegments("/_blazor")
            && !path.StartsWithSegments("/health")
            && !Path.HasExtension(path.Value))
        {
            context.Response.Redirect("/account/change-password");
            return Task.CompletedTask;
        }
        return next(context);
    }
}
