using PovertyPortal.LoadTests.Blazor;

namespace PovertyPortal.LoadTests;

/// <summary>
/// `--probe PATH`: signs one account in, opens PATH in a circuit and prints what the client sees (text, buttons
/// with handlers, JS identifiers). For looking at a page while writing a scenario step; no load.
/// </summary>
public static class Probe
{
    public static async Task<int> RunAsync(Uri url, string user, string password, string path)
    {
        using var http = new PortalHttp(url, user);
        if (!await http.SignInAsync(password, CancellationToken.None)) { Console.WriteLine("sign-in failed"); return 1; }
        await using var circuit = new BlazorCircuit(http);
        var page = await circuit.OpenAsync(path, CancellationToken.None);
        Console.WriteLine($"page {page.Address} markers={page.ServerMarkers.Count} state={page.ApplicationState.Length} chars");
        await Task.Delay(3000);
        Console.WriteLine($"state={circuit.State} error={circuit.ServerError} nodes={circuit.Dom.NodeCount()}");
        var text = System.Text.RegularExpressions.Regex.Replace(circuit.Dom.Text(), @"\s+", " ");
        Console.WriteLine("text: " + (text.Length > 1500 ? text[..1500] : text));
        foreach (var n in circuit.Dom.FindAll(n => n.Handlers is { Count: > 0 }).Take(400))
            Console.WriteLine($"  {n.Tag} handlers={string.Join(',', n.Handlers!.Select(h => h.Key))} testid={n.GetAttribute("data-testid")} label={n.GetAttribute("aria-label")} text={Cut(n.TextContent())}");
        foreach (var (id, count) in JsInteropAnswers.Seen) Console.WriteLine($"  js {id} x{count}");
        return 0;
    }

    private static string Cut(string s) => s.Length > 40 ? s[..40] : s;
}
