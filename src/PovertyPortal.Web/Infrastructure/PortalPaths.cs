namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// The folder the portal keeps its files in (the embedded database, logs). Not the data-protection keys: they live
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
    }

    public string DataDirectory { get; }

    public string LogDirectory => Path.Combine(DataDirectory, "logs");

    public string DefaultSqliteConnectionString => $"Data Source={Path.Combine(DataDirectory, "povertyportal.db")}";
}
