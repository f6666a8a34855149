using System.Text;

namespace PovertyPortal.LoadTests.Blazor;

public enum DomNodeKind { Element, Text, Component, Markup }

/// <summary>
/// One node of the client's model of the page, kept as blazor.web.js keeps its "logical" tree: a component is a
/// container whose children are what it rendered, regions are flattened into their parent, markup is one leaf.
/// Sibling indexes in render batches count these logical children, so the model must have the same shape.
/// </summary>
public sealed class DomNode
{
    public DomNodeKind Kind { get; }
    /// <summary>Tag name of an element.</summary>
    public string? Tag { get; }
    /// <summary>Text of a text node, HTML of a markup node.</summary>
    public string? Text { get; set; }
    /// <summary>The component a container stands for.</summary>
    public int ComponentId { get; }
    public DomNode? Parent { get; internal set; }
    public List<DomNode>? Children { get; private set; }
    /// <summary>Attributes of an element (few per element: a list is smaller than a dictionary).</summary>
    public List<KeyValuePair<string, string>>? Attributes { get; private set; }
    /// <summary>Event name ("click", "change") to the server's event handler id.</summary>
    public List<KeyValuePair<string, ulong>>? Handlers { get; private set; }

    private DomNode(DomNodeKind kind, string? tag, string? text, int componentId)
    {
        Kind = kind;
        Tag = tag;
        Text = text;
        ComponentId = componentId;
    }

    public static DomNode Element(string tag) => new(DomNodeKind.Element, tag, null, 0);
    public static DomNode TextNode(string? text) => new(DomNodeKind.Text, null, text, 0);
    public static DomNode Markup(string? html) => new(DomNodeKind.Markup, null, html, 0);
    public static DomNode Component(int id) => new(DomNodeKind.Component, null, null, id);

    public DomNode ChildAt(int index) =>
        Children is { } c && index < c.Count ? c[index] : throw new InvalidOperationException($"No child {index} under {this}.");

    public void InsertChild(int index, DomNode child)
    {
        Children ??= new List<DomNode>(2);
        child.Parent = this;
        if (index >= Children.Count) Children.Add(child);
        else Children.Insert(index, child);
    }

    public DomNode RemoveChildAt(int index)
    {
        var child = ChildAt(index);
        Children!.RemoveAt(index);
        child.Parent = null;
        return child;
    }

    /// <summary>Moves children as a permutation list says (keyed lists reordered).</summary>
    public void Permute(List<(int From, int To)> moves)
    {
        if (Children is null) return;
        var snapshot = moves.Select(m => Children[m.From]).ToArray();
        for (var i = 0; i < moves.Count; i++) Children[moves[i].To] = snapshot[i];
    }

    public string? GetAttribute(string name)
    {
        if (Attributes is null) return null;
        foreach (var pair in Attributes) if (pair.Key == name) return pair.Value;
        return null;
    }

    public void SetAttribute(string name, string? value)
    {
        Attributes ??= new List<KeyValuePair<string, string>>(2);
        for (var i = 0; i < Attributes.Count; i++)
        {
            if (Attributes[i].Key != name) continue;
            if (value is null) Attributes.RemoveAt(i);
            else Attributes[i] = new(name, value);
            return;
        }
        if (value is not null) Attributes.Add(new(name, value));
    }

    public ulong? GetHandler(string eventName)
    {
        if (Handlers is null) return null;
        foreach (var pair in Handlers) if (pair.Key == eventName) return pair.Value;
        return null;
    }

    public void SetHandler(string eventName, ulong? handlerId)
    {
        Handlers ??= new List<KeyValuePair<string, ulong>>(1);
        for (var i = 0; i < Handlers.Count; i++)
        {
            if (Handlers[i].Key != eventName) continue;
            if (handlerId is null) Handlers.RemoveAt(i);
            else Handlers[i] = new(eventName, handlerId.Value);
            return;
        }
        if (handlerId is not null) Handlers.Add(new(eventName, handlerId.Value));
    }

    /// <summary>The component that rendered this node (blazor.web.js sends it with a change event's field value).</summary>
    public int RenderingComponentId()
    {
        for (var n = Parent; n is not null; n = n.Parent) if (n.Kind == DomNodeKind.Component) return n.ComponentId;
        return 0;
    }

    /// <summary>Visible text of the subtree; markup counts with its tags stripped.</summary>
    public string TextContent()
    {
        var sb = new StringBuilder();
        AppendText(sb);
        return sb.ToString();
    }

    private void AppendText(StringBuilder sb)
    {
        switch (Kind)
        {
            case DomNodeKind.Text: sb.Append(Text); return;
            case DomNodeKind.Markup: AppendStripped(sb, Text); return;
        }
        // Style and script text is not what a user reads (MudBlazor's theme writes a large style element).
        if (Children is null || Tag is "style" or "script") return;
        foreach (var child in Children) child.AppendText(sb);
    }

    private static void AppendStripped(StringBuilder sb, string? html)
    {
        // A markup string holding a style or script element is theme CSS or code, not text anyone reads.
        if (html is null || html.Contains("<style", StringComparison.Ordinal) || html.Contains("<script", StringComparison.Ordinal)) return;
        var inTag = false;
        foreach (var ch in html)
        {
            if (ch == '<') inTag = true;
            else if (ch == '>') inTag = false;
            else if (!inTag) sb.Append(ch);
        }
    }

    /// <summary>Depth-first walk of the subtree, this node included.</summary>
    public IEnumerable<DomNode> Descendants()
    {
        var stack = new Stack<DomNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            if (node.Children is { } c)
                for (var i = c.Count - 1; i >= 0; i--) stack.Push(c[i]);
        }
    }

    public override string ToString() => Kind switch
    {
        DomNodeKind.Element => $"<{Tag}>",
        DomNodeKind.Component => $"[component {ComponentId}]",
        _ => Kind.ToString(),
    };
}
