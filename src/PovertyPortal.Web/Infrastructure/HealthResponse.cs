using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>/health answers JSON with each check's state, for monitoring and the load balancer.</summary>
public static class HealthResponse
{
    public static HealthCheckOptions Options { get; } = new()
    {
        ResponseWriter = async (context, report) =>
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(context.Response.Body, new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
            });
        },
    };
}
