namespace PovertyPortal.LoadTests.Blazor;

/// <summary>
/// The client's picture of one circuit's page: the root components the server attached (the layout and the head
/// outlet) and every component and event handler inside them. Render batches change it on the connection's receive
/// loop; scenario code reads it from elsewhere, so every access takes <see cref="Sync"/>.
/// </summary>
public sealed class DomModel
{
    private readonly Dictionary<int, DomNode> components = [];
    private readonly Dictionary<ulong, DomNode> handlers = [];
    private readonly List<DomNode> roots = [];

    public object Sync { get; } = new();

    /// <summary>Bumped after each applied batch: waiters look again only when it moved.</summary>
    public long Version { get; private set; }

    public void ApplyBatch(ReadOnlySpan<byte> batch)
    {
        lock (Sync)
        {
            new RenderBatchReader(batch, this).Apply();
            Version++;
        }
    }

    /// <summary>Forgets the whole page (a new circuit starts from nothing).</summary>
    public void Clear()
    {
        lock (Sync)
        {
            components.Clear();
            handlers.Clear();
            roots.Clear();
            Version++;
        }
    }

    internal DomNode ContainerFor(int componentId)
    {
        if (components.TryGetValue(componentId, out var node)) return node;
        // A component the server renders without a parent here is a root component (attached through
        // UpdateRootComponents in place of its prerendered markup, which the browser clears on first render).
        node = DomNode.Component(componentId);
        components[componentId] = node;
        roots.Add(node);
        return node;
    }

    internal void RegisterComponent(DomNode container) => components[container.ComponentId] = container;

    internal void DisposeComponent(int componentId)
    {
        if (components.Remove(componentId, out var node) && node.Parent is null) roots.Remove(node);
    }

    internal void RegisterHandler(ulong id, DomNode element) => handlers[id] = element;

    internal void DisposeHandler(ulong id) => handlers.Remove(id);

    public bool HandlerExists(ulong id)
    {
        lock (Sync) return handlers.ContainsKey(id);
    }

    /// <summary>Every node of the page, depth first (call inside <see cref="Sync"/> or through the helpers below).</summary>
    private IEnumerable<DomNode> AllNodes() => roots.ToArray().SelectMany(r => r.Descendants());

    public List<DomNode> FindAll(Func<DomNode, bool> match)
    {
        lock (Sync) return AllNodes().Where(match).ToList();
    }

    public DomNode? Find(Func<DomNode, bool> match)
    {
        lock (Sync) return AllNodes().FirstOrDefault(match);
    }

    /// <summary>An element by tag whose text contains <paramref name="text"/> (innermost match first).</summary>
    public DomNode? FindElement(string tag, string? text = null, string? attribute = null, string? attributeValue = null)
    {
        lock (Sync)
        {
            DomNode? found = null;
            foreach (var node in AllNodes())
            {
                if (node.Kind != DomNodeKind.Element || node.Tag != tag) continue;
                if (attribute is not null)
                {
                    var value = node.GetAttribute(attribute);
                    if (value is null || (attributeValue is not null && value != attributeValue)) continue;
                }
                if (text is not null && !node.TextContent().Contains(text, StringComparison.Ordinal)) continue;
                found = node; // keep walking: a later match is deeper (a button inside a div that also matches)
            }
            return found;
        }
    }

    /// <summary>The first element carrying attribute=value (data-testid and the like).</summary>
    public DomNode? FindByAttribute(string attribute, string value)
    {
        lock (Sync)
            return AllNodes().FirstOrDefault(n => n.Kind == DomNodeKind.Element && n.GetAttribute(attribute) == value);
    }

    /// <summary>The nearest element at or under <paramref name="start"/> that handles <paramref name="eventName"/>.</summary>
    public static DomNode? WithHandler(DomNode start, string eventName)
    {
        foreach (var node in start.Descendants())
            if (node.GetHandler(eventName) is not null) return node;
        return null;
    }

    public string Text()
    {
        lock (Sync) return string.Concat(roots.Select(r => r.TextContent()));
    }

    public bool ContainsText(string text) => Text().Contains(text, StringComparison.Ordinal);

    public int NodeCount()
    {
        lock (Sync) return AllNodes().Count();
    }
}
