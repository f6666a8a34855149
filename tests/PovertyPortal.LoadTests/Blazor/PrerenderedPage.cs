using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PovertyPortal.LoadTests.Blazor;

/// <summary>
/// What blazor.web.js reads from a server-rendered page before it opens a circuit: the markers of the interactive
/// root components (<c>&lt;!--Blazor:{...}--&gt;</c>, server type only) and the persisted component state comment.
/// </summary>
public sealed partial class PrerenderedPage
{
    /// <summary>The address the page was finally served from (after redirects).</summary>
    public required Uri Address { get; init; }
    public required IReadOnlyList<JsonObject> ServerMarkers { get; init; }
    public required string ApplicationState { get; init; }
    public int Length { get; init; }

    /// <summary>The page is the sign-in form: the cookie is gone or no longer accepted.</summary>
    public bool IsLoginPage => Address.AbsolutePath.StartsWith("/account/login", StringComparison.OrdinalIgnoreCase);

    public static PrerenderedPage Parse(Uri address, string html)
    {
        var markers = new List<JsonObject>();
        foreach (Match m in MarkerPattern().Matches(html))
        {
            if (JsonNode.Parse(m.Groups[1].Value) is JsonObject marker && (string?)marker["type"] == "server") markers.Add(marker);
        }
        // Markers come in document order; blazor.web.js sorts server ones by their sequence number.
        markers.Sort((a, b) => ((int?)a["sequence"] ?? 0).CompareTo((int?)b["sequence"] ?? 0));
        var state = StatePattern().Match(html);
        return new PrerenderedPage
        {
            Address = address,
            ServerMarkers = markers,
            ApplicationState = state.Success ? state.Groups[1].Value : "",
            Length = html.Length,
        };
    }

    /// <summary>The hidden antiforgery token of a static form.</summary>
    public static string? AntiforgeryToken(string html)
    {
        var m = TokenPattern().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex MarkerPattern();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:([A-Za-z0-9+/=]+)-->")]
    private static partial Regex StatePattern();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
