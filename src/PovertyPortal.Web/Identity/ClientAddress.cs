using Microsoft.AspNetCore.Components.Server.Circuits;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// The client's IP address for audit entries. A plain request has its HttpContext; a Blazor circuit has none once it
/// runs, so <see cref="ClientAddressCircuitHandler"/> keeps the address of the connection that opened it in this
/// scoped holder. Commands run without either and write "local".
/// </summary>
public sealed class ClientAddress(IHttpContextAccessor httpContextAccessor)
{
    public const string Local = "local";

    private string? captured;

    public string Current => FromHttpContext() ?? captured ?? Local;

    public void Capture() => captured ??= FromHttpContext();

    /// <summary>For tests and background work that knows whose address it acts for.</summary>
    public void Set(string address) => captured = address;

    private string? FromHttpContext() => httpContextAccessor.HttpContext?.Connection.RemoteIpAddress is { } ip
        ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString()
        : null;
}

/// <summary>Captures the connecting client's address when a circuit opens, while the SignalR request is still at hand.</summary>
public sealed class ClientAddressCircuitHandler(ClientAddress clientAddress) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        clientAddress.Capture();
        return Task.CompletedTask;
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        clientAddress.Capture();
        return Task.CompletedTask;
    }
}
