using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data;

/// <summary>Who a <see cref="PortalDbContext"/> works for: the signed-in user in the web app, the system in jobs.</summary>
public interface IAreaScopeSource
{
    AreaScope Scope { get; }
    string? UserName { get; }
}

/// <summary>The scope of migrations, demo data and command-line tasks: everything, under a named actor.</summary>
public sealed class SystemScopeSource(string actor = "system") : IAreaScopeSource
{
    public AreaScope Scope => AreaScope.All;
    public string? UserName => actor;
}

/// <summary>Raised when a save would write a row outside the scope of the context; the UI shows 无权访问.</summary>
public sealed class OutOfScopeException(string message) : Exception(message);
