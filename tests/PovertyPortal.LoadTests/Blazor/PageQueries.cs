namespace PovertyPortal.LoadTests.Blazor;

/// <summary>Ways a user finds things on a MudBlazor page: a field by its label, a button by its text or test id.</summary>
public static class PageQueries
{
    /// <summary>
    /// The input or textarea of the MudBlazor field labelled exactly <paramref name="label"/>: the label's "for" names
    /// the input's id; failing that, the input inside the same mud-input-control.
    /// </summary>
    public static DomNode? InputByLabel(this DomModel dom, string label)
    {
        lock (dom.Sync)
        {
            var labelNode = dom.Find(n => n.Kind == DomNodeKind.Element && n.Tag == "label" && n.TextContent().Trim() == label);
            if (labelNode is null) return null;
            if (labelNode.GetAttribute("for") is { Length: > 0 } id &&
                dom.Find(n => n.Kind == DomNodeKind.Element && n.GetAttribute("id") == id) is { } byId)
                return byId;
            for (var n = labelNode.Parent; n is not null; n = n.Parent)
            {
                if (n.Kind == DomNodeKind.Element && (n.GetAttribute("class") ?? "").Contains("mud-input-control", StringComparison.Ordinal))
                    return n.Descendants().FirstOrDefault(d => d.Tag is "input" or "textarea");
            }
            return null;
        }
    }

    /// <summary>A button (or anything clickable) whose text is <paramref name="text"/>.</summary>
    public static DomNode? ButtonWithText(this DomModel dom, string text) =>
        dom.Find(n => n.Kind == DomNodeKind.Element && n.Tag == "button" && n.GetHandler("click") is not null &&
                      n.TextContent().Trim() == text);

    public static DomNode? ByTestId(this DomModel dom, string testId) => dom.FindByAttribute("data-testid", testId);

    /// <summary>Links to household pages on the page: (household number, href).</summary>
    public static List<(string Number, string Href)> HouseholdLinks(this DomModel dom)
    {
        lock (dom.Sync)
        {
            return dom.FindAll(n => n.Kind == DomNodeKind.Element && n.Tag == "a" &&
                                    (n.GetAttribute("href") ?? "").StartsWith("/households/", StringComparison.Ordinal) &&
                                    int.TryParse(n.GetAttribute("href")!.AsSpan(12), out _))
                .Select(n => (n.TextContent().Trim(), n.GetAttribute("href")!))
                .ToList();
        }
    }
}
