using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data;

/// <summary>Who a <see cref="PortalDbContext"/> works for: the signed-in user in the web app, the system in jobs.</summary>
public interface IAreaScopeSource
{
    AreaScope Scope { get; }
    string? UserName { get; }

    /// <summary>
    /// The scope of community-correction casework (decision 0029): a county justice bureau's county, a 司法所's township.
    /// Nothing for everyone else, so that only the correction roles and system tasks see its rows.
    /// </summary>
    AreaScope CorrectionScope => AreaScope.None;
}

/// <summary>The scope of migrations, demo data and command-line tasks: everything, under a named actor.</summary>
public sealed class SystemScopeSource(string actor = "system") : IAreaScopeSource
{
    public AreaScope Scope => AreaScope.All;
    public AreaScope CorrectionScope => AreaScope.All;
    public string? UserName => actor;
}

/// <summary>Raised when a save would write a row outside the scope of the context; the UI shows 无权访问.</summary>
public sealed class OutOfScopeException(string message) : Exception(message);
