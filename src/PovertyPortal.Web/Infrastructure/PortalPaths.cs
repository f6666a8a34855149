namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// The folders the portal keeps its files in (the embedded database, logs, attachments). Not the data-protection keys: they live
/// apart (DataProtectionSetup).
/// Relative paths are taken from the content root, so `dotnet run --project src/PovertyPortal.Web`
/// puts everything under src/PovertyPortal.Web/data whatever the shell's folder is.
/// </summary>
public sealed class PortalPaths
{
    public PortalPaths(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Storage:DataDirectory"] ?? "data";
        DataDirectory = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        Directory.CreateDirectory(DataDirectory);
        // Several instances behind one proxy keep their own data folder (logs) but share one attachment store.
        AttachmentsDirectory = configuration["Storage:AttachmentsDirectory"] is { Length: > 0 } shared
            ? Path.GetFullPath(Path.Combine(environment.ContentRootPath, shared))
            : Path.Combine(DataDirectory, "attachments");
    }

    public string DataDirectory { get; }

    /// <summary>Storage:AttachmentsDirectory, or "attachments" under the data folder.</summary>
    public string AttachmentsDirectory { get; }

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    public string DefaultSqliteConnectionString => $"Data Source={Path.Combine(DataDirectory, "povertyportal.db")}";
}
