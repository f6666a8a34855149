using System.Diagnostics;
using PovertyPortal.LoadTests.Blazor;
using PovertyPortal.LoadTests.Load;

namespace PovertyPortal.LoadTests.Scenario;

/// <summary>
/// One virtual user: an official with the portal open in one tab. Opens the portal, then loops through the
/// household list, a search, a household page, a save of that household's address (own household only) and the
/// dashboard, thinking between steps. A dropped connection is handled as blazor.web.js and the portal's
/// ReconnectModal.razor.js handle it: reconnect, and when the circuit is rejected, load the page again with the same
/// cookies (a landing on /account/login is a forced sign-out; the user signs in again).
/// </summary>
public sealed class OfficialSession : IAsyncDisposable
{
    private const string SaveMarker = "·压测";
    /// <summary>Interaction kind of a recovery (drop to a working page again); not held to the p95 limit.</summary>
    public const string RecoveryKind = "recovery";
    /// <summary>Interaction kind of a user's own sign-in (--browser-per-user); not held to the p95 limit.</summary>
    public const string SignInKind = "sign-in";

    /// <summary>Kinds that are reported but not held to the p95 limit nor counted in "overall".</summary>
    public static bool IsOutsideLimit(string kind) => kind is RecoveryKind or SignInKind;
    private readonly int id;
    private readonly Account account;
    private readonly Browser browser;
    private readonly bool ownBrowser;
    private readonly OwnedHousehold? own;
    private readonly ScenarioOptions options;
    private readonly Recorder recorder;
    private readonly SaveLedger ledger;
    private readonly Random random;
    private readonly BlazorCircuit circuit;
    private string path = "";
    private long signedInVersion;
    private int saves;
    /// <summary>A save that was sent and whose answer was not seen (the connection dropped meanwhile).</summary>
    private string? unconfirmedSave;

    /// <param name="ownBrowser">The user signs in with a browser of its own instead of the account's shared one.</param>
    public OfficialSession(int id, Account account, OwnedHousehold? own, ScenarioOptions options, Recorder recorder, SaveLedger ledger, bool ownBrowser = false)
    {
        this.ownBrowser = ownBrowser;
        browser = ownBrowser ? account.NewBrowser() : account.Shared;
        this.id = id;
        this.account = account;
        this.own = own;
        this.options = options;
        this.recorder = recorder;
        this.ledger = ledger;
        random = new Random(id * 7919);
        circuit = new BlazorCircuit(browser.Http);
    }

    public bool Started { get; private set; }

    /// <summary>Runs until <paramref name="stop"/>; the circuit stays open for <see cref="VerifyAsync"/>.</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        signedInVersion = browser.SignedInVersion;
        try
        {
            if (ownBrowser && signedInVersion == 0)
            {
                // The static sign-in form: timed as its own kind, not held to the p95 limit (the password hash is
                // slow on purpose).
                var began = Stopwatch.GetTimestamp();
                if (!await browser.SignInAsync(signedInVersion, stop)) throw new CircuitException("sign-in failed");
                recorder.Add(SignInKind, began, Stopwatch.GetTimestamp(), "ok", id);
                signedInVersion = browser.SignedInVersion;
            }
            Started = await OpenPortalAsync(stop);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            recorder.Count("circuit start attempt failed", ex.Message);
        }
        if (!Started && !stop.IsCancellationRequested)
        {
            // As a user would: load the page again (ReloadAsync retries until the run ends).
            try { await ReloadAsync("", stop); }
            catch (OperationCanceledException) { /* the run ended */ }
            Started = circuit.State == CircuitState.Connected;
            if (Started) recorder.Count("circuit started on a later attempt");
        }
        if (!Started)
        {
            recorder.Count("circuits that could not start");
            return;
        }
        recorder.CircuitUp();
        try
        {
            var steps = new Func<CancellationToken, Task>[] { ListAsync, SearchAsync, HouseholdAsync, SaveAsync, DashboardAsync };
            while (!stop.IsCancellationRequested)
            {
                foreach (var step in steps)
                {
                    await ThinkAsync(stop);
                    if (stop.IsCancellationRequested) return;
                    try
                    {
                        await step(stop);
                    }
                    catch (CircuitException ex)
                    {
                        await RecoverUntilWorkingAsync(ex, stop);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The run's end.
        }
        finally
        {
            recorder.CircuitDown();
        }
    }

    private async Task<bool> OpenPortalAsync(CancellationToken stop)
    {
        var start = Stopwatch.GetTimestamp();
        var page = await circuit.OpenAsync("", stop);
        if (page.IsLoginPage) return false; // the reload that follows counts the forced sign-out and signs in
        path = "";
        var at = await circuit.WaitForAsync(Interactive, options.InteractionTimeout, stop);
        if (at is null)
        {
            recorder.Count("timeout: open", circuit.ServerError);
            return false;
        }
        recorder.Add("open", start, at.Value, "ok", id);
        return true;
    }

    /// <summary>The layout rendered interactively: the sign-out button has its click handler.</summary>
    private static bool Interactive(DomModel d) => d.ByTestId("logout")?.GetHandler("click") is not null;

    private Task ListAsync(CancellationToken stop) =>
        NavigateTimedAsync("list", "households", d => d.ByTestId("household-total") is not null && d.HouseholdLinks().Count > 0, stop);

    private async Task SearchAsync(CancellationToken stop)
    {
        var target = own ?? (account.Visible.Count > 0 ? account.Visible[random.Next(account.Visible.Count)] : null);
        var box = circuit.Dom.ByTestId("search");
        var input = box is null ? null : DomModel.WithHandler(box, "input");
        if (target is null || input is null)
        {
            recorder.Count("search skipped (no search box or no household)");
            return;
        }
        // Typing, then leaving the field: MudBlazor commits a debounced field on blur, so the search runs at once
        // rather than after the 400 ms debounce (which would be timed as well otherwise).
        await TimedAsync("search", async () =>
        {
            await circuit.TypeAsync(input, target.Number);
            if (input.GetHandler("blur") is not null) await circuit.DispatchAsync(input, "blur", """{"type":"blur"}""", null);
        }, d => d.HouseholdLinks() is [var only] && only.Number == target.Number, stop);
    }

    private Task HouseholdAsync(CancellationToken stop)
    {
        var target = own ?? (account.Visible.Count > 0 ? account.Visible[random.Next(account.Visible.Count)] : null);
        if (target is null) return Task.CompletedTask;
        return NavigateTimedAsync("household", target.Href.TrimStart('/'), d => OnHouseholdPage(d, target.Number), stop);
    }

    private static bool OnHouseholdPage(DomModel d, string number) =>
        d.ByTestId("household-header") is { } header && header.TextContent().Contains(number, StringComparison.Ordinal);

    private async Task SaveAsync(CancellationToken stop)
    {
        if (own is null) return;
        if (!OnHouseholdPage(circuit.Dom, own.Number)) await HouseholdAsync(stop);
        var edit = circuit.Dom.ByTestId("edit-household");
        if (edit is null)
        {
            recorder.Count("save skipped (no 编辑本户 button)");
            return;
        }
        if (!await TimedAsync("edit-dialog", () => circuit.ClickAsync(edit),
                d => d.InputByLabel("住址") is not null && d.ByTestId("save-household") is not null, stop))
            return;
        var input = circuit.Dom.InputByLabel("住址")!;
        var current = input.GetAttribute("value") ?? "";
        var marker = current.IndexOf(SaveMarker, StringComparison.Ordinal);
        var value = (marker >= 0 ? current[..marker] : current) + $"{SaveMarker}{id}-{++saves}";
        await circuit.TypeAsync(input, value);
        var save = circuit.Dom.ByTestId("save-household")!;
        unconfirmedSave = value;
        ledger.Sent(own.Number, value);
        var ok = await TimedAsync("save", () => circuit.ClickAsync(save), d => SaveShown(d, value), stop);
        if (ok)
        {
            ledger.Acknowledged(own.Number, value);
            unconfirmedSave = null;
            recorder.Count("saves acknowledged");
        }
        else
        {
            // No answer in time: find out from the household page, as a user would look.
            await ConfirmSaveAsync(stop);
        }
    }

    /// <summary>The dashboard, for roles whose menu has it (a village team's does not: the page refuses them).</summary>
    /// <summary>A save's answer: the dialog closed, the page shows the new address and the 已保存 snackbar.</summary>
    private static bool SaveShown(DomModel d, string value) =>
        d.ByTestId("save-household") is null && d.ContainsText(value) && d.ContainsText("已保存");

    private Task DashboardAsync(CancellationToken stop)
    {
        if (circuit.Dom.ByTestId("nav-dashboard") is null)
        {
            recorder.Count("dashboard skipped (not in this role's menu)");
            return Task.CompletedTask;
        }
        return NavigateTimedAsync("dashboard", "dashboard", d => d.ByTestId("dashboard") is not null && d.ContainsText("建档立卡贫困户"), stop);
    }

    private Task<bool> NavigateTimedAsync(string kind, string relative, Func<DomModel, bool> until, CancellationToken stop)
    {
        path = relative;
        return TimedAsync(kind, () => circuit.NavigateAsync(relative), until, stop);
    }

    /// <summary>Sends, then waits for the render that shows the result; records the interaction either way.</summary>
    private async Task<bool> TimedAsync(string kind, Func<Task> send, Func<DomModel, bool> until, CancellationToken stop)
    {
        var start = Stopwatch.GetTimestamp();
        await send();
        var at = await circuit.WaitForAsync(until, options.InteractionTimeout, stop);
        stop.ThrowIfCancellationRequested(); // the run ended meanwhile: not a timeout
        if (at is null)
        {
            recorder.Add(kind, start, Stopwatch.GetTimestamp(), "timeout", id);
            recorder.Count("timeout: " + kind, circuit.ServerError);
            return false;
        }
        recorder.Add(kind, start, at.Value, "ok", id);
        return true;
    }

    /// <summary>Think time; cut short when the connection drops, since the browser reconnects at once.</summary>
    private async Task ThinkAsync(CancellationToken stop)
    {
        var ms = options.ThinkMin.TotalMilliseconds + random.NextDouble() * (options.ThinkMax - options.ThinkMin).TotalMilliseconds;
        await Task.WhenAny(Task.Delay(TimeSpan.FromMilliseconds(ms), stop), circuit.Lost);
        if (circuit.State is CircuitState.Lost or CircuitState.Failed || circuit.FullLoadRequested is not null)
            await RecoverUntilWorkingAsync(new CircuitException("lost while thinking"), stop);
    }

    /// <summary>Recovers, and again if the connection drops during the recovery itself (a restart in progress).</summary>
    private async Task RecoverUntilWorkingAsync(CircuitException cause, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await RecoverAsync(cause, stop);
                return;
            }
            catch (CircuitException again)
            {
                cause = again;
            }
        }
    }

    private async Task RecoverAsync(CircuitException cause, CancellationToken stop)
    {
        if (stop.IsCancellationRequested) return;
        var began = Stopwatch.GetTimestamp();
        var state = circuit.State;
        recorder.Count(state switch
        {
            CircuitState.Lost => "connection lost",
            CircuitState.Failed => "circuit error (JS.Error)",
            _ when circuit.FullLoadRequested is not null => "full page load requested",
            _ => "client error",
        }, circuit.ServerError ?? cause.Message);

        var recovered = false;
        if (state == CircuitState.Lost)
        {
            for (var attempt = 0; attempt < options.ReconnectAttempts && !stop.IsCancellationRequested; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt * 2, 10)), stop);
                try
                {
                    if (await circuit.ReconnectAsync(stop))
                    {
                        recorder.Count("reconnected");
                        recovered = true;
                    }
                    else recorder.Count("circuit rejected on reconnect");
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    recorder.Count("reconnect attempt failed", ex.Message);
                }
            }
        }
        if (!recovered) await ReloadAsync(circuit.FullLoadRequested?.PathAndQuery.TrimStart('/') ?? path, stop);
        // How long the user had no working page: an outage figure, reported apart from the interactions' p95.
        if (circuit.State == CircuitState.Connected)
            recorder.Add(RecoveryKind, began, Stopwatch.GetTimestamp(), recovered ? "reconnected" : "reloaded", id);
        if (unconfirmedSave is { } pending && recovered && own is not null)
        {
            // The same circuit again: the save may still be running there, and its answer is on its way.
            if (await circuit.WaitForAsync(d => SaveShown(d, pending), options.InteractionTimeout, stop) is not null)
            {
                ledger.Acknowledged(own.Number, pending);
                unconfirmedSave = null;
                recorder.Count("save answer arrived after reconnect");
                return;
            }
        }
        if (unconfirmedSave is not null) await ConfirmSaveAsync(stop);
    }

    /// <summary>location.reload(): the same address, the same cookies, a new circuit. Retries while the server is away.</summary>
    private async Task ReloadAsync(string relative, CancellationToken stop)
    {
        if (relative.StartsWith("account/", StringComparison.Ordinal)) relative = "";
        for (var attempt = 0; !stop.IsCancellationRequested; attempt++)
        {
            try
            {
                var page = await circuit.OpenAsync(relative, stop);
                if (page.IsLoginPage)
                {
                    recorder.Count("forced sign-out");
                    if (!await browser.SignInAsync(signedInVersion, stop)) throw new CircuitException("sign-in failed");
                    signedInVersion = browser.SignedInVersion;
                    page = await circuit.OpenAsync(relative, stop);
                }
                path = relative;
                if (await circuit.WaitForAsync(Interactive, options.InteractionTimeout, stop) is not null)
                {
                    recorder.Count("page reloaded");
                    return;
                }
                recorder.Count("reload not interactive in time");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                recorder.Count("reload attempt failed", ex.Message);
            }
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(2 + attempt * 2, 10)), stop);
        }
    }

    /// <summary>
    /// A save whose answer was lost: the household page shows whether it was written. If not, it is a failed save,
    /// and the user does it again. A drop in the middle leaves the save unconfirmed for the next recovery.
    /// </summary>
    private async Task ConfirmSaveAsync(CancellationToken stop)
    {
        var value = unconfirmedSave;
        if (own is null || value is null) return;
        path = own.Href.TrimStart('/');
        await circuit.NavigateAsync(path);
        if (await circuit.WaitForAsync(d => OnHouseholdPage(d, own.Number), options.InteractionTimeout, stop) is not null &&
            circuit.Dom.ContainsText(value))
        {
            ledger.Acknowledged(own.Number, value);
            unconfirmedSave = null;
            recorder.Count("save interrupted, confirmed written");
            return;
        }
        unconfirmedSave = null;
        recorder.Count("failed save", "the household page does not show a save whose answer was lost");
        recorder.Count("save interrupted, redone");
        await SaveAsync(stop);
    }

    /// <summary>After the run: the household page must show the last acknowledged save.</summary>
    public async Task VerifyAsync(CancellationToken cancel)
    {
        if (own is null || ledger.Expected(own.Number) is not { } expected) return;
        try
        {
            if (circuit.State != CircuitState.Connected) await ReloadAsync(own.Href.TrimStart('/'), cancel);
            else await circuit.NavigateAsync(own.Href.TrimStart('/'));
            if (await circuit.WaitForAsync(d => OnHouseholdPage(d, own.Number) && d.ContainsText(expected), options.InteractionTimeout, cancel) is not null)
                recorder.Count("saves verified on read-back");
            else if (ledger.LastSent(own.Number) is { } later && later != expected && circuit.Dom.ContainsText(later))
                recorder.Count("read-back shows a later save whose answer was lost (written)");
            else
                recorder.Count("acknowledged save missing on read-back");
        }
        catch (Exception ex) when (ex is CircuitException or OperationCanceledException or HttpRequestException)
        {
            recorder.Count("read-back could not run", ex.Message);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await circuit.DisposeAsync();
        if (ownBrowser) browser.Dispose();
    }
}
