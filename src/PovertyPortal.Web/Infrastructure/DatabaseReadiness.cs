using System.Net;
using PovertyPortal.Data;
using PovertyPortal.Data.Encryption;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// Whether the start-up reached the database (decision 0019). Until it has, every request gets a Chinese status page
/// (503, with Retry-After, /health included, so a load balancer sends users elsewhere) while the start-up is retried;
/// the process stays up instead of exiting, so a service manager need not restart it in a loop.
/// </summary>
public sealed class DatabaseReadiness
{
    private volatile bool ready;

    public bool IsReady => ready;

    /// <summary>The start-up found the wrong key file while retrying: the process ends with exit code 1, as on a first start.</summary>
    public bool Failed { get; private set; }

    public void MarkReady() => ready = true;

    private const string StatusPage = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta http-equiv="refresh" content="15">
        <title>暂时无法访问 - 驻村帮扶工作管理平台</title>
        </head>
        <body style="font-family: sans-serif; max-width: 36em; margin: 3em auto; padding: 0 1em; line-height: 1.6">
        <h1 style="font-size: 1.4em">驻村帮扶工作管理平台暂时无法访问</h1>
        <p>平台正在等待数据库恢复连接，恢复后会自动开始服务，本页每 15 秒自动刷新。</p>
        <p>您之前保存的数据不受影响。如长时间无法访问，请联系系统管理员检查数据库服务器。</p>
        </body>
        </html>
        """;

    public static async Task WriteStatusPageAsync(HttpContext context)
    {
        context.Response.StatusCode = (int)HttpStatusCode.ServiceUnavailable;
        context.Response.Headers.RetryAfter = "15";
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(StatusPage);
    }

    /// <summary>Retries the start-up's database work every Database:StartRetrySeconds (default 10) until it succeeds.</summary>
    public async Task RetryStartAsync(WebApplication app)
    {
        var interval = TimeSpan.FromSeconds(app.Configuration.GetValue("Database:StartRetrySeconds", 10.0));
        var stopping = app.Lifetime.ApplicationStopping;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, stopping);
                await app.PrepareDatabaseAsync();
                MarkReady();
                app.Logger.LogInformation("数据库已恢复连接，门户开始正常服务。");
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (PersonalDataKeyException e)
            {
                app.Logger.LogCritical("无法启动：{Reason}", e.Message);
                Failed = true;
                app.Lifetime.StopApplication();
                return;
            }
            catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
            {
                app.Logger.LogWarning("数据库仍无法连接，{Seconds} 秒后重试：{Reason}", interval.TotalSeconds, e.Message);
            }
            catch (Exception e)
            {
                // A failed migration or the like: the status page stays, the log says why, and the next try may succeed.
                app.Logger.LogError(e, "启动时准备数据库失败，{Seconds} 秒后重试", interval.TotalSeconds);
            }
        }
    }
}
