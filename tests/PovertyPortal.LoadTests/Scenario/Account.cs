using PovertyPortal.LoadTests.Blazor;

namespace PovertyPortal.LoadTests.Scenario;

/// <summary>A household a virtual user may save: its number (what the user searches) and its page.</summary>
public sealed record OwnedHousehold(string Number, string Href);

/// <summary>
/// One browser signed in as an account: its cookies (shared by the circuits opened in it, like tabs) and a lock so
/// that a forced sign-out signs in once for all its tabs.
/// </summary>
public sealed class Browser : IDisposable
{
    private readonly SemaphoreSlim signIn = new(1, 1);
    private readonly string password;
    private long signedInVersion;

    public Browser(Uri url, string userName, string password)
    {
        this.password = password;
        Http = new PortalHttp(url, userName);
    }

    public PortalHttp Http { get; }
    public long SignedInVersion => Interlocked.Read(ref signedInVersion);

    /// <summary>
    /// Signs in; when another tab of this browser already did so since <paramref name="seenVersion"/>, does nothing
    /// (the tabs share the new cookie).
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

    public void Dispose()
    {
        Http.Dispose();
        signIn.Dispose();
    }
}

/// <summary>
/// One demo account: the browser its users share (unless each user has a browser of its own, --browser-per-user)
/// and the households its users may save.
/// </summary>
public sealed class Account(Uri url, string userName, string password) : IDisposable
{
    public string UserName => userName;
    public Browser Shared { get; } = new(url, userName, password);
    public Queue<OwnedHousehold> Unassigned { get; } = new();
    /// <summary>Household links this account can see (for searches of users that own none).</summary>
    public List<OwnedHousehold> Visible { get; } = [];

    /// <summary>A browser of its own for one user: its own sign-in, its own cookie (sticky sessions spread as for real users).</summary>
    public Browser NewBrowser() => new(url, userName, password);

    public OwnedHousehold? TakeHousehold()
    {
        lock (Unassigned) return Unassigned.TryDequeue(out var h) ? h : null;
    }

    public void Dispose() => Shared.Dispose();
}
