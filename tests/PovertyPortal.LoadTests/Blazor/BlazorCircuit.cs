using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace PovertyPortal.LoadTests.Blazor;

public enum CircuitState { New, Connected, Lost, Rejected, Failed, Closed }

/// <summary>
/// One Blazor Server circuit driven the way blazor.web.js drives it: StartCircuit, UpdateRootComponents with the
/// page's markers, each render batch applied to <see cref="Dom"/> and acknowledged (OnRenderCompleted), JS calls
/// answered, browser events dispatched through the renderer's interop object, navigation inside the circuit
/// (OnLocationChanged) and ConnectCircuit after a dropped connection. No thread of its own: SignalR's receive loop
/// runs the handlers, callers await.
/// </summary>
public sealed class BlazorCircuit : IAsyncDisposable
{
    private readonly PortalHttp http;
    private readonly List<Waiter> waiters = [];
    private HubConnection? connection;
    private long? nextBatchId;
    private long interopObjectId = -1;
    private long activityObjectId = -1;
    private long lastInputReport = long.MinValue;
    private long nextCallId;
    private TaskCompletionSource lost = NewSignal();

    public BlazorCircuit(PortalHttp http) => this.http = http;

    public DomModel Dom { get; } = new();
    public CircuitState State { get; private set; } = CircuitState.New;
    public string? CircuitId { get; private set; }
    public Uri? CurrentUri { get; private set; }
    /// <summary>Last JS.Error or failed event dispatch text (no personal data: the portal's own messages).</summary>
    public string? ServerError { get; private set; }
    /// <summary>Set when the page asked for a full page load (forceLoad or an address outside the circuit).</summary>
    public Uri? FullLoadRequested { get; private set; }
    /// <summary>Completes when the connection closes without us closing it.</summary>
    public Task Lost => lost.Task;

    /// <summary>Opens a page the way a browser does: GET, then a circuit for its interactive root components.</summary>
    public async Task<PrerenderedPage> OpenAsync(string relative, CancellationToken cancel)
    {
        var page = await http.LoadPageAsync(relative, cancel);
        CurrentUri = page.Address;
        FullLoadRequested = null;
        if (page.IsLoginPage || page.ServerMarkers.Count == 0) return page;
        await StartAsync(page, cancel);
        return page;
    }

    private async Task StartAsync(PrerenderedPage page, CancellationToken cancel)
    {
        await DropConnectionAsync();
        Dom.Clear();
        nextBatchId = null;
        interopObjectId = -1;
        ServerError = null;
        connection = Build();
        await connection.StartAsync(cancel);
        CircuitId = await connection.InvokeAsync<string?>("StartCircuit", http.BaseAddress.ToString(), page.Address.ToString(), "[]", "", cancel);
        if (string.IsNullOrEmpty(CircuitId))
        {
            State = CircuitState.Failed;
            throw new CircuitException("StartCircuit returned no circuit id" + (ServerError is null ? "" : ": " + ServerError));
        }
        lost = NewSignal();
        State = CircuitState.Connected;
        await connection.SendAsync("UpdateRootComponents", RootComponentOperations(page), page.ApplicationState, cancel);
    }

    /// <summary>The operations blazor.web.js sends for a freshly loaded page: one "add" per server marker.</summary>
    private static string RootComponentOperations(PrerenderedPage page)
    {
        var operations = new JsonArray();
        var ssrId = 0;
        foreach (var marker in page.ServerMarkers)
        {
            operations.Add(new JsonObject
            {
                ["type"] = "add",
                ["ssrComponentId"] = ssrId++,
                ["marker"] = marker.DeepClone(),
            });
        }
        return new JsonObject { ["batchId"] = 1, ["operations"] = operations }.ToJsonString();
    }

    /// <summary>
    /// After a dropped connection: ConnectCircuit on a new connection, as blazor.web.js retries. Returns true when
    /// the server took the circuit back, false when it rejected it (unknown circuit: reload the page), and throws
    /// when the server could not be reached.
    /// </summary>
    public async Task<bool> ReconnectAsync(CancellationToken cancel)
    {
        await DropConnectionAsync();
        connection = Build();
        await connection.StartAsync(cancel);
        var accepted = await connection.InvokeAsync<bool>("ConnectCircuit", CircuitId, cancel);
        if (!accepted)
        {
            State = CircuitState.Rejected;
            await DropConnectionAsync();
            return false;
        }
        lost = NewSignal();
        State = CircuitState.Connected;
        return true;
    }

    private HubConnection Build()
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(http.BaseAddress, "_blazor"), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.Cookies = http.Cookies;
            });
        // The last IHubProtocol registered is the one the connection uses.
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var hub = builder.Build();
        hub.HandshakeTimeout = TimeSpan.FromSeconds(60);
        hub.ServerTimeout = TimeSpan.FromSeconds(60);

        hub.On<long, byte[]>("JS.RenderBatch", (id, data) => OnRenderBatchAsync(hub, id, data));
        hub.On<long, string, string, int, long, int>("JS.BeginInvokeJS",
            (handle, identifier, args, resultType, target, _) => OnBeginInvokeJSAsync(hub, handle, identifier, args, resultType));
        hub.On<string, bool, string>("JS.EndInvokeDotNet", OnEndInvokeDotNet);
        hub.On<string>("JS.Error", OnServerError);
        hub.On<long>("JS.EndUpdateRootComponents", _ => { });
        hub.On<int, bool>("JS.EndLocationChanging", (_, _) => { });
        hub.Closed += error =>
        {
            if (ReferenceEquals(connection, hub) && State == CircuitState.Connected)
            {
                State = CircuitState.Lost;
                lost.TrySetResult();
                FailWaiters();
            }
            return Task.CompletedTask;
        };
        return hub;
    }

    private async Task OnRenderBatchAsync(HubConnection hub, long batchId, byte[] data)
    {
        var received = Stopwatch.GetTimestamp();
        nextBatchId ??= batchId;
        if (batchId < nextBatchId)
        {
            // Sent again after a reconnect; already applied.
            await hub.SendAsync("OnRenderCompleted", batchId, null);
            return;
        }
        if (batchId > nextBatchId) return; // the missing one will come again; blazor.web.js waits as well
        string? error = null;
        try
        {
            Dom.ApplyBatch(data);
            nextBatchId++;
        }
        catch (Exception ex)
        {
            // A batch the model cannot take is reported to the server as blazor.web.js reports it (the circuit
            // then ends), rather than thrown into SignalR's receive loop.
            error = "Client could not apply the batch: " + ex.Message;
            ServerError = error;
        }
        await hub.SendAsync("OnRenderCompleted", batchId, error);
        CheckWaiters(received);
    }

    private async Task OnBeginInvokeJSAsync(HubConnection hub, long handle, string identifier, string argsJson, int resultType)
    {
        var result = JsInteropAnswers.Answer(identifier, resultType);
        switch (identifier)
        {
            case "Blazor._internal.attachWebRendererInterop":
                // The renderer's interop object receives DispatchEventAsync (browser events) from now on.
                using (var args = JsonDocument.Parse(argsJson))
                    interopObjectId = args.RootElement[1].GetProperty("__dotNetObject").GetInt64();
                break;
            case "portalActivity.attach":
                // The portal's InputActivityReporter: the server ends a circuit without reported input after the
                // idle time, so the client reports input as idle-logout.js does (ReportInputIfDueAsync).
                using (var args = JsonDocument.Parse(argsJson))
                    activityObjectId = args.RootElement[0].GetProperty("__dotNetObject").GetInt64();
                break;
            case "Blazor._internal.navigationManager.navigateTo":
                if (handle != 0) await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
                await FollowNavigationAsync(hub, argsJson);
                return;
        }
        if (handle != 0) await hub.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    /// <summary>NavigationManager.NavigateTo on the server: inside the circuit unless it forces a full load.</summary>
    private async Task FollowNavigationAsync(HubConnection hub, string argsJson)
    {
        using var args = JsonDocument.Parse(argsJson);
        var target = new Uri(CurrentUri ?? http.BaseAddress, args.RootElement[0].GetString() ?? "");
        var forceLoad = args.RootElement.GetArrayLength() > 1 && args.RootElement[1].ValueKind == JsonValueKind.Object &&
                        args.RootElement[1].TryGetProperty("forceLoad", out var f) && f.GetBoolean();
        if (forceLoad || !http.BaseAddress.IsBaseOf(target) || target.AbsolutePath.StartsWith("/account/", StringComparison.Ordinal))
        {
            FullLoadRequested = target;
            CheckWaiters(Stopwatch.GetTimestamp());
            return;
        }
        CurrentUri = target;
        await hub.SendAsync("OnLocationChanged", target.ToString(), null, false);
    }

    private void OnEndInvokeDotNet(string callId, bool success, string result)
    {
        if (!success) ServerError = "Event dispatch failed: " + Shorten(result);
    }

    private void OnServerError(string error)
    {
        ServerError = Shorten(error);
        State = CircuitState.Failed;
        lost.TrySetResult(); // wakes a thinking user: the page shows the error banner, the user reloads
        FailWaiters();
    }

    /// <summary>Navigates inside the circuit, as a click on a NavLink does (intercepted link).</summary>
    public Task NavigateAsync(string relative)
    {
        var target = new Uri(http.BaseAddress, relative.TrimStart('/'));
        CurrentUri = target;
        return Hub().SendAsync("OnLocationChanged", target.ToString(), null, true);
    }

    /// <summary>
    /// What idle-logout.js does on a key or a click: at most once a minute ReportInput to the circuit, and at most
    /// every five minutes a GET of account/keepalive (the account's sliding sign-in cookie).
    /// </summary>
    private async Task ReportInputIfDueAsync()
    {
        var now = Stopwatch.GetTimestamp();
        if (lastInputReport != long.MinValue && Stopwatch.GetElapsedTime(lastInputReport, now) < TimeSpan.FromMinutes(1)) return;
        lastInputReport = now;
        if (activityObjectId >= 0)
        {
            var callId = Interlocked.Increment(ref nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Hub().SendAsync("BeginInvokeDotNetFromJS", callId, null, "ReportInput", activityObjectId, "[]");
        }
        http.KeepAliveIfDue();
    }

    public async Task ClickAsync(DomNode element)
    {
        await ReportInputIfDueAsync();
        await DispatchClickAsync(element);
    }

    private Task DispatchClickAsync(DomNode element) => DispatchAsync(element, "click",
        """{"detail":1,"screenX":0,"screenY":0,"clientX":0,"clientY":0,"offsetX":0,"offsetY":0,"pageX":0,"pageY":0,"movementX":0,"movementY":0,"button":0,"buttons":0,"ctrlKey":false,"shiftKey":false,"altKey":false,"metaKey":false,"type":"click"}""",
        fieldValue: null);

    /// <summary>Types a value: an input event then a change event, as typing and leaving the field does.</summary>
    public async Task TypeAsync(DomNode input, string value)
    {
        await ReportInputIfDueAsync();
        var args = JsonSerializer.Serialize(new { value });
        if (input.GetHandler("input") is not null) await DispatchAsync(input, "input", args, value);
        if (input.GetHandler("change") is not null) await DispatchAsync(input, "change", args, value);
    }

    /// <summary>Sends one browser event to the handler the element carries for <paramref name="eventName"/>.</summary>
    public Task DispatchAsync(DomNode element, string eventName, string argsJson, string? fieldValue)
    {
        var handlerId = element.GetHandler(eventName) ?? throw new CircuitException($"{element} has no {eventName} handler.");
        if (interopObjectId < 0) throw new CircuitException("The renderer's interop object is not attached yet.");
        var sb = new StringBuilder(256);
        sb.Append("[{\"eventHandlerId\":").Append(handlerId).Append(",\"eventName\":").Append(JsonSerializer.Serialize(eventName));
        sb.Append(",\"eventFieldInfo\":");
        if (fieldValue is null) sb.Append("null");
        else sb.Append("{\"componentId\":").Append(element.RenderingComponentId()).Append(",\"fieldValue\":").Append(JsonSerializer.Serialize(fieldValue)).Append('}');
        sb.Append("},").Append(argsJson).Append(']');
        var callId = Interlocked.Increment(ref nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Hub().SendAsync("BeginInvokeDotNetFromJS", callId, null, "DispatchEventAsync", interopObjectId, sb.ToString());
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds on the page. Returns the time (Stopwatch ticks) of the batch
    /// that made it true, or null on timeout; throws <see cref="CircuitException"/> when the circuit fails or drops.
    /// </summary>
    public async Task<long?> WaitForAsync(Func<DomModel, bool> condition, TimeSpan timeout, CancellationToken cancel = default)
    {
        var waiter = new Waiter(condition);
        lock (waiters)
        {
            if (Holds(waiter)) return Stopwatch.GetTimestamp();
            ThrowIfUnusable();
            waiters.Add(waiter);
        }
        try
        {
            var done = await Task.WhenAny(waiter.Done.Task, Task.Delay(timeout, cancel));
            if (done == waiter.Done.Task) return await waiter.Done.Task;
            return null;
        }
        finally
        {
            lock (waiters) waiters.Remove(waiter);
        }
    }

    public Task<long?> WaitForTextAsync(string text, TimeSpan timeout, CancellationToken cancel = default) =>
        WaitForAsync(d => d.ContainsText(text), timeout, cancel);

    private bool Holds(Waiter waiter)
    {
        try { return waiter.Condition(Dom); }
        catch (InvalidOperationException) { return false; }
    }

    private void CheckWaiters(long at)
    {
        lock (waiters)
        {
            foreach (var w in waiters)
            {
                if (FullLoadRequested is not null) w.Done.TrySetException(new CircuitException("The page asked for a full load of " + FullLoadRequested.AbsolutePath));
                else if (Holds(w)) w.Done.TrySetResult(at);
            }
        }
    }

    private void FailWaiters()
    {
        lock (waiters)
            foreach (var w in waiters) w.Done.TrySetException(new CircuitException(ServerError ?? "The connection dropped."));
    }

    private void ThrowIfUnusable()
    {
        if (State != CircuitState.Connected) throw new CircuitException($"Circuit is {State}" + (ServerError is null ? "" : ": " + ServerError));
    }

    private HubConnection Hub()
    {
        ThrowIfUnusable();
        return connection!;
    }

    private async Task DropConnectionAsync()
    {
        var old = connection;
        connection = null;
        if (old is not null)
        {
            try { await old.DisposeAsync(); }
            catch (Exception) { /* closing a broken connection */ }
        }
    }

    public async ValueTask DisposeAsync()
    {
        State = CircuitState.Closed;
        await DropConnectionAsync();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 300 ? text : text[..300];

    private sealed class Waiter(Func<DomModel, bool> condition)
    {
        public Func<DomModel, bool> Condition { get; } = condition;
        public TaskCompletionSource<long?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

public sealed class CircuitException(string message) : Exception(message);
