using System.Buffers.Binary;
using System.Text;
using PovertyPortal.LoadTests.Blazor;

namespace PovertyPortal.LoadTests;

/// <summary>
/// `--self-test`: render batches built by hand in the server's layout, applied to a <see cref="DomModel"/>, and the
/// result checked. Covers frames (element, attribute, handler, text, component, region, markup), edits (prepend,
/// step in/out, update text, set/remove attribute, remove, permutation) and disposal. No server needed; exit 1 on
/// a failure.
/// </summary>
public static class SelfTest
{
    public static int Run()
    {
        var failures = 0;
        void Check(bool ok, string what)
        {
            Console.WriteLine((ok ? "ok   " : "FAIL ") + what);
            if (!ok) failures++;
        }

        var dom = new DomModel();
        // Component 5 renders <div class="x" onclick=7>你好</div>, a region holding <span>一</span><span>二</span>,
        // and child component 6.
        var b = new BatchBuilder();
        var div = b.Element("div", 4);
        b.Attribute("class", "x");
        b.Handler("onclick", 7);
        b.Text("你好");
        var region = b.Region(5);
        b.Element("span", 2); b.Text("一");
        b.Element("span", 2); b.Text("二");
        var child = b.Component(6);
        b.Diff(5, (1, 0, div), (1, 1, region), (1, 3, child));
        dom.ApplyBatch(b.Build());
        Check(dom.Text() == "你好一二", $"first render text is 你好一二 ({dom.Text()})");
        var element = dom.FindElement("div");
        Check(element?.GetAttribute("class") == "x" && element.GetHandler("click") == 7, "attribute and click handler 7 on the div");
        Check(dom.HandlerExists(7), "handler 7 is known");

        // Component 6 renders markup; component 5 changes its text, drops the class and swaps the two spans.
        b = new BatchBuilder();
        var markup = b.Markup("<b>已保存</b>");
        b.Diff(6, (1, 0, markup));
        var text = b.Text("再见");
        var cls = b.Attribute("class", "y");
        b.Diff(5, (6, 0, 0), (5, 0, text), (7, 0, 0), (3, 0, cls), (9, 1, 2), (9, 2, 1), (10, 0, 0));
        dom.ApplyBatch(b.Build());
        Check(dom.Text() == "再见二一已保存", $"after the update the text is 再见二一已保存 ({dom.Text()})");
        Check(dom.FindElement("div")?.GetAttribute("class") == "y", "class set to y");

        // Remove the first span, remove the click attribute, dispose handler 7 and component 6.
        b = new BatchBuilder();
        b.Diff(5, (2, 1, 0), (4, 0, b.StringIndex("onclick")));
        b.DisposeComponent(6);
        b.DisposeHandler(7);
        dom.ApplyBatch(b.Build());
        Check(dom.FindElement("div")?.GetHandler("click") is null && !dom.HandlerExists(7), "click handler removed and disposed");
        Check(dom.Text() == "再见一已保存", $"after removing a span the text is 再见一已保存 ({dom.Text()})");
        Console.WriteLine(failures == 0 ? "self-test passed" : $"{failures} self-test check(s) failed");
        return failures == 0 ? 0 : 1;
    }

    /// <summary>Writes a render batch in the server's binary layout (RenderBatchWriter), for the checks above.</summary>
    private sealed class BatchBuilder
    {
        private readonly List<byte[]> frames = [];
        private readonly List<(int Component, (int Type, int Sibling, int Index)[] Edits)> diffs = [];
        private readonly List<string> strings = [];
        private readonly List<int> disposedComponents = [];
        private readonly List<ulong> disposedHandlers = [];

        public int StringIndex(string s)
        {
            var i = strings.IndexOf(s);
            if (i >= 0) return i;
            strings.Add(s);
            return strings.Count - 1;
        }

        private int Frame(int type, int a, int b, ulong handler = 0)
        {
            var f = new byte[20];
            BinaryPrimitives.WriteInt32LittleEndian(f, type);
            BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(4), a);
            BinaryPrimitives.WriteInt32LittleEndian(f.AsSpan(8), b);
            BinaryPrimitives.WriteUInt64LittleEndian(f.AsSpan(12), handler);
            frames.Add(f);
            return frames.Count - 1;
        }

        public int Element(string name, int subtreeLength) => Frame(1, subtreeLength, StringIndex(name));
        public int Text(string text) => Frame(2, StringIndex(text), 0);
        public int Attribute(string name, string value) => Frame(3, StringIndex(name), StringIndex(value));
        public int Handler(string name, ulong id) => Frame(3, StringIndex(name), -1, id);
        public int Component(int id) => Frame(4, 1, id);
        public int Region(int subtreeLength) => Frame(5, subtreeLength, 0);
        public int Markup(string html) => Frame(8, StringIndex(html), 0);
        public void Diff(int component, params (int Type, int Sibling, int Index)[] edits) => diffs.Add((component, edits));
        public void DisposeComponent(int id) => disposedComponents.Add(id);
        public void DisposeHandler(ulong id) => disposedHandlers.Add(id);

        public byte[] Build()
        {
            var o = new List<byte>();
            void Int(int v) { var x = new byte[4]; BinaryPrimitives.WriteInt32LittleEndian(x, v); o.AddRange(x); }
            var diffOffsets = new List<int>();
            foreach (var (component, edits) in diffs)
            {
                diffOffsets.Add(o.Count);
                Int(component);
                Int(edits.Length);
                foreach (var (type, sibling, index) in edits) { Int(type); Int(sibling); Int(index); Int(index); }
            }
            var updated = o.Count;
            Int(diffOffsets.Count);
            diffOffsets.ForEach(Int);
            var referenceFrames = o.Count;
            Int(frames.Count);
            frames.ForEach(o.AddRange);
            var disposed = o.Count;
            Int(disposedComponents.Count);
            disposedComponents.ForEach(Int);
            var disposedHandlerIds = o.Count;
            Int(disposedHandlers.Count);
            foreach (var h in disposedHandlers) { var x = new byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(x, h); o.AddRange(x); }
            var stringOffsets = new List<int>();
            foreach (var s in strings)
            {
                stringOffsets.Add(o.Count);
                var bytes = Encoding.UTF8.GetBytes(s);
                var length = bytes.Length;
                do { var b = (byte)(length & 0x7F); length >>= 7; o.Add(length > 0 ? (byte)(b | 0x80) : b); } while (length > 0);
                o.AddRange(bytes);
            }
            var stringTable = o.Count;
            stringOffsets.ForEach(Int);
            Int(updated); Int(referenceFrames); Int(disposed); Int(disposedHandlerIds); Int(stringTable);
            return [.. o];
        }
    }
}
