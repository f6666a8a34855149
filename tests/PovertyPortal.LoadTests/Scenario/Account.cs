using PovertyPortal.LoadTests.Blazor;

namespace PovertyPortal.LoadTests.Scenario;

/// <summary>A household a virtual user may save: its number (what the user searches) and its page.</summary>
public sealed record OwnedHousehold(string Number, string Href);

/// <summary>
/// One demo account: its browser (cookies shared by its circuits), a lock so that a forced sign-out signs in once
/// for all its tabs, and the households its users may save.
/// </summary>
public sealed class Account : IDisposable
{
    private readonly SemaphoreSlim signIn = new(1, 1);
    private readonly string password;
    private long signedInVersion;

    public Account(Uri url, string userName, string password)
    {
        this.password = password;
        Http = new PortalHttp(url, userName);
    }

    public string UserName => Http.UserName;
    public PortalHttp Http { get; }
    public Queue<OwnedHousehold> Unassigned { get; } = new();
    /// <summary>Household links this account can see (for searches of users that own none).</summary>
    public List<OwnedHousehold> Visible { get; } = [];

    public long SignedInVersion => Interlocked.Read(ref signedInVersion);

    /// <summary>
    /// Signs in again after a forced sign-out; when another tab of the account already did so since
    /// <paramref name="seenVersion"/>, does nothing (a browser's other tabs share the new cookie).
    /// </summary>
    public async Task<bool> SignInAsync(long seenVersion, CancellationToken cancel)
    {
        await signIn.WaitAsync(cancel);
        try
        {
            if (SignedInVersion != seenVersion) return true;
            var ok = await Http.SignInAsync(password, cancel);
            if (ok) Interlocked.Increment(ref signedInVersion);
            return ok;
        }
        finally
        {
            signIn.Release();
        }
    }

    public OwnedHousehold? TakeHousehold()
    {
        lock (Unassigned) return Unassigned.TryDequeue(out var h) ? h : null;
    }

    public void Dispose()
    {
        Http.Dispose();
        signIn.Dispose();
    }
}
