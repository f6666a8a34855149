using System.Buffers.Binary;
using System.Text;

namespace PovertyPortal.LoadTests.Blazor;

/// <summary>
/// Applies one render batch (the bytes of JS.RenderBatch) to a <see cref="DomModel"/>, as blazor.web.js applies it to
/// the browser's DOM. The batch layout: at the end five int32 offsets (updated components, reference frames, disposed
/// component ids, disposed event handler ids, string table); frames are 20 bytes, edits 16 bytes; strings are read
/// only when a frame needs them, so a batch costs a few small strings and no copy of the buffer.
/// </summary>
public ref struct RenderBatchReader
{
    private const int FrameSize = 20;
    private const int EditSize = 16;

    private readonly ReadOnlySpan<byte> data;
    private readonly int stringTable;
    private readonly int referenceFramesValues;
    private readonly DomModel model;

    public RenderBatchReader(ReadOnlySpan<byte> batch, DomModel model)
    {
        data = batch;
        this.model = model;
        stringTable = Int(batch.Length - 4);
        referenceFramesValues = Int(batch.Length - 16) + 4;
    }

    public void Apply()
    {
        var updated = Int(data.Length - 20);
        var count = Int(updated);
        for (var i = 0; i < count; i++)
        {
            var diff = Int(updated + 4 + 4 * i);
            var componentId = Int(diff);
            ApplyEdits(model.ContainerFor(componentId), diff + 4);
        }

        var disposed = Int(data.Length - 12);
        count = Int(disposed);
        for (var i = 0; i < count; i++) model.DisposeComponent(Int(disposed + 4 + 4 * i));

        var disposedHandlers = Int(data.Length - 8);
        count = Int(disposedHandlers);
        for (var i = 0; i < count; i++) model.DisposeHandler(ULong(disposedHandlers + 4 + 8 * i));
    }

    private void ApplyEdits(DomNode container, int edits)
    {
        var count = Int(edits);
        var values = edits + 4;
        var parent = container;
        List<(int, int)>? permutation = null;
        for (var i = 0; i < count; i++)
        {
            var edit = values + EditSize * i;
            var type = (EditType)Int(edit);
            var sibling = Int(edit + 4);
            switch (type)
            {
                case EditType.PrependFrame:
                    InsertFrame(parent, sibling, Int(edit + 8));
                    break;
                case EditType.RemoveFrame:
                    parent.RemoveChildAt(sibling);
                    break;
                case EditType.SetAttribute:
                    ApplyAttribute(parent.ChildAt(sibling), Frame(Int(edit + 8)));
                    break;
                case EditType.RemoveAttribute:
                {
                    var element = parent.ChildAt(sibling);
                    var name = String(Int(edit + 12)) ?? "";
                    if (name.StartsWith("on", StringComparison.Ordinal) && element.GetHandler(name[2..]) is { } id)
                    {
                        element.SetHandler(name[2..], null);
                        model.DisposeHandler(id);
                    }
                    else element.SetAttribute(name, null);
                    break;
                }
                case EditType.UpdateText:
                    parent.ChildAt(sibling).Text = String(Int(Frame(Int(edit + 8)) + 4));
                    break;
                case EditType.UpdateMarkup:
                    parent.RemoveChildAt(sibling);
                    parent.InsertChild(sibling, DomNode.Markup(String(Int(Frame(Int(edit + 8)) + 4))));
                    break;
                case EditType.StepIn:
                    parent = parent.ChildAt(sibling);
                    break;
                case EditType.StepOut:
                    parent = parent.Parent ?? container;
                    break;
                case EditType.PermutationListEntry:
                    (permutation ??= []).Add((sibling, Int(edit + 8)));
                    break;
                case EditType.PermutationListEnd:
                    if (permutation is not null) parent.Permute(permutation);
                    permutation = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown edit type {(int)type}.");
            }
        }
    }

    /// <summary>Inserts the frame at <paramref name="frameIndex"/>; returns how many logical children it added.</summary>
    private int InsertFrame(DomNode parent, int childIndex, int frameIndex)
    {
        var frame = Frame(frameIndex);
        switch ((FrameType)Int(frame))
        {
            case FrameType.Element:
            {
                var element = DomNode.Element(String(Int(frame + 8)) ?? "");
                var end = frameIndex + Int(frame + 4);
                parent.InsertChild(childIndex, element);
                for (var i = frameIndex + 1; i < end; i++)
                {
                    var child = Frame(i);
                    if ((FrameType)Int(child) != FrameType.Attribute)
                    {
                        InsertFrameRange(element, 0, i, end);
                        break;
                    }
                    ApplyAttribute(element, child);
                }
                return 1;
            }
            case FrameType.Text:
                parent.InsertChild(childIndex, DomNode.TextNode(String(Int(frame + 4))));
                return 1;
            case FrameType.Markup:
                parent.InsertChild(childIndex, DomNode.Markup(String(Int(frame + 4))));
                return 1;
            case FrameType.Component:
            {
                var component = DomNode.Component(Int(frame + 8));
                parent.InsertChild(childIndex, component);
                model.RegisterComponent(component);
                return 1;
            }
            case FrameType.Region:
                return InsertFrameRange(parent, childIndex, frameIndex + 1, frameIndex + Int(frame + 4));
            case FrameType.ElementReferenceCapture:
            case FrameType.NamedEvent:
                return 0;
            case FrameType.Attribute:
                throw new InvalidDataException("An attribute frame outside an element's leading frames.");
            default:
                throw new InvalidDataException($"Unknown frame type {Int(frame)}.");
        }
    }

    private int InsertFrameRange(DomNode parent, int childIndex, int start, int end)
    {
        var first = childIndex;
        for (var i = start; i < end; i++)
        {
            var frame = Frame(i);
            childIndex += InsertFrame(parent, childIndex, i);
            // Skip the frame's descendants: InsertFrame handled them.
            var type = (FrameType)Int(frame);
            if (type is FrameType.Element or FrameType.Component or FrameType.Region) i += Int(frame + 4) - 1;
        }
        return childIndex - first;
    }

    private void ApplyAttribute(DomNode element, int frame)
    {
        var name = String(Int(frame + 4)) ?? "";
        var handlerId = ULong(frame + 12);
        if (handlerId != 0)
        {
            var eventName = name.StartsWith("on", StringComparison.Ordinal) ? name[2..] : name;
            element.SetHandler(eventName, handlerId);
            model.RegisterHandler(handlerId, element);
            return;
        }
        element.SetAttribute(name, String(Int(frame + 8)));
    }

    private int Frame(int index) => referenceFramesValues + FrameSize * index;

    private int Int(int offset) => BinaryPrimitives.ReadInt32LittleEndian(data.Slice(offset, 4));

    private ulong ULong(int offset) => BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(offset, 8));

    /// <summary>Reads entry <paramref name="index"/> of the string table: a 7-bit length prefix and UTF-8 bytes.</summary>
    private string? String(int index)
    {
        if (index == -1) return null;
        var offset = Int(stringTable + 4 * index);
        int length = 0, shift = 0, prefix = 0;
        while (true)
        {
            var b = data[offset + prefix++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
        }
        return Encoding.UTF8.GetString(data.Slice(offset + prefix, length));
    }

    private enum EditType
    {
        PrependFrame = 1, RemoveFrame = 2, SetAttribute = 3, RemoveAttribute = 4, UpdateText = 5, StepIn = 6,
        StepOut = 7, UpdateMarkup = 8, PermutationListEntry = 9, PermutationListEnd = 10,
    }

    private enum FrameType
    {
        Element = 1, Text = 2, Attribute = 3, Component = 4, Region = 5, ElementReferenceCapture = 6, Markup = 8,
        NamedEvent = 10,
    }
}
