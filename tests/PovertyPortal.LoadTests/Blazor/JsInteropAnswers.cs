using System.Collections.Concurrent;

namespace PovertyPortal.LoadTests.Blazor;

/// <summary>
/// What the client answers when the page calls JavaScript (JS.BeginInvokeJS). There is no browser, so every call
/// gets a neutral result: null, a fresh object reference for an import or an object-returning call, and a desktop
/// window for the size queries MudBlazor makes. Every identifier seen is counted, for the README and the summary.
/// </summary>
public static class JsInteropAnswers
{
    /// <summary>Identifier to how many times it was called, over all circuits of the run.</summary>
    public static ConcurrentDictionary<string, long> Seen { get; } = new();

    private static long nextObjectId = 1000;

    // Results for calls whose callers cannot take null (sizes of the window and of elements, a desktop layout).
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["mudResizeListener.getBrowserWindowSize"] = """{"height":900,"width":1440}""",
        ["mudResizeListenerFactory.getBrowserWindowSize"] = """{"height":900,"width":1440}""",
        ["mudElementRef.getBoundingClientRect"] = """{"top":0,"left":0,"width":200,"height":40,"windowHeight":900,"windowWidth":1440,"scrollX":0,"scrollY":0}""",
        ["mudWindow.getBreakpoint"] = "3",
        ["Blazor._internal.PageTitle.getAndRemoveExistingTitle"] = "null",
    };

    /// <summary>The JSON result for one call; <paramref name="resultType"/> 1 asks for an object reference.</summary>
    public static string Answer(string identifier, int resultType)
    {
        Seen.AddOrUpdate(identifier, 1, (_, n) => n + 1);
        if (resultType == 1) return $$"""{"__jsObjectId":{{Interlocked.Increment(ref nextObjectId)}}}""";
        if (resultType == 3) return "null";
        return Known.TryGetValue(identifier, out var json) ? json : "null";
    }
}
