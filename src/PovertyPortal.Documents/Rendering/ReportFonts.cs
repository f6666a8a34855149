using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace PovertyPortal.Documents.Rendering;

/// <summary>What each font is used for, after GB/T 9704-2012: 小标宋 title, 仿宋 body, 黑体 一、 headings, 楷体 （一） headings.</summary>
public enum FontRole
{
    Title,
    Body,
    Heading1,
    Heading2,
}

/// <summary>
/// Font configuration (section "Reports:Fonts"): per role, a font file ("/path/font.ttc#2" picks face 2 of a
/// collection) or a family name. Empty roles fall back to the known fonts of Linux and Windows.
/// The Word* names are what the .docx asks Word for; Word substitutes fonts that are not installed itself.
/// </summary>
public sealed class ReportFontOptions
{
    public string? Title { get; set; }
    public string? Body { get; set; }
    public string? Heading1 { get; set; }
    public string? Heading2 { get; set; }

    public string WordTitle { get; set; } = "方正小标宋简体";
    public string WordBody { get; set; } = "仿宋";
    public string WordHeading1 { get; set; } = "黑体";
    public string WordHeading2 { get; set; } = "楷体";

    public string? For(FontRole role) => role switch
    {
        FontRole.Title => Title,
        FontRole.Body => Body,
        FontRole.Heading1 => Heading1,
        _ => Heading2,
    };

    public string WordFor(FontRole role) => role switch
    {
        FontRole.Title => WordTitle,
        FontRole.Body => WordBody,
        FontRole.Heading1 => WordHeading1,
        _ => WordHeading2,
    };
}

/// <summary>No usable Chinese font: the message says what to install or configure.</summary>
public sealed class ReportFontException(string message) : InvalidOperationException(message);

/// <summary>One font face with its file bytes kept for subsetting. Loaded once per process and shared.</summary>
public sealed class FontFace
{
    internal FontFace(string key, SKTypeface typeface, byte[] data, int faceIndex)
    {
        Key = key;
        Typeface = typeface;
        Data = data;
        FaceIndex = faceIndex;
    }

    public string Key { get; }
    public SKTypeface Typeface { get; }
    internal byte[] Data { get; }
    internal int FaceIndex { get; }
}

/// <summary>The four faces a document is set in; the same face may serve several roles.</summary>
public sealed class FontSet
{
    private readonly Dictionary<FontRole, FontFace> faces;

    internal FontSet(Dictionary<FontRole, FontFace> faces) => this.faces = faces;

    public FontFace this[FontRole role] => faces[role];

    public IEnumerable<FontFace> DistinctFaces => faces.Values.DistinctBy(f => f.Key);
}

/// <summary>
/// Finds the fonts: configuration first, then known files (Linux packages, C:\Windows\Fonts), then font families
/// through fontconfig/DirectWrite, then any font with Chinese glyphs. Every candidate must hold the test characters:
/// SKTypeface.FromFamilyName silently returns a Latin font when a family is missing, which would print boxes.
/// </summary>
public static class ReportFontResolver
{
    /// <summary>Characters every candidate must hold (CJK, full-width punctuation and digits).</summary>
    public const string ProbeText = "中文一户人，。、（）《》：；1,488";

    private static readonly ConcurrentDictionary<string, FontFace?> Loaded = new();

    private const string Noto = "/usr/share/fonts/opentype/noto/";
    private const string NotoAlt = "/usr/share/fonts/opentype/noto-cjk/";
    private const string Wqy = "/usr/share/fonts/truetype/wqy/";
    private const string Win = @"C:\Windows\Fonts\";

    // Linux (Debian fonts-noto-cjk: face 2 of each .ttc is Simplified Chinese; fonts-wqy-microhei) and Windows files.
    private static readonly Dictionary<FontRole, string[]> KnownFiles = new()
    {
        [FontRole.Title] = [Win + "simhei.ttf", Noto + "NotoSerifCJK-Bold.ttc#2", NotoAlt + "NotoSerifCJK-Bold.ttc#2", Noto + "NotoSansCJK-Bold.ttc#2", Wqy + "wqy-microhei.ttc#0", Win + "msyhbd.ttc#0"],
        [FontRole.Body] = [Win + "simfang.ttf", Noto + "NotoSerifCJK-Regular.ttc#2", NotoAlt + "NotoSerifCJK-Regular.ttc#2", Win + "simsun.ttc#0", Noto + "NotoSansCJK-Regular.ttc#2", Wqy + "wqy-microhei.ttc#0", Win + "msyh.ttc#0"],
        [FontRole.Heading1] = [Win + "simhei.ttf", Noto + "NotoSansCJK-Bold.ttc#2", NotoAlt + "NotoSansCJK-Bold.ttc#2", Noto + "NotoSansCJK-Regular.ttc#2", Wqy + "wqy-microhei.ttc#0", Win + "msyhbd.ttc#0"],
        [FontRole.Heading2] = [Win + "simkai.ttf", Noto + "NotoSerifCJK-Bold.ttc#2", NotoAlt + "NotoSerifCJK-Bold.ttc#2", Noto + "NotoSerifCJK-Regular.ttc#2", Wqy + "wqy-microhei.ttc#0", Win + "simsun.ttc#0"],
    };

    private static readonly Dictionary<FontRole, string[]> KnownFamilies = new()
    {
        [FontRole.Title] = ["方正小标宋简体", "FZXiaoBiaoSong-B05S", "SimHei", "Noto Serif CJK SC", "Source Han Serif SC"],
        [FontRole.Body] = ["仿宋_GB2312", "FangSong", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", "WenQuanYi Micro Hei"],
        [FontRole.Heading1] = ["SimHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei"],
        [FontRole.Heading2] = ["KaiTi", "楷体_GB2312", "Noto Serif CJK SC", "WenQuanYi Micro Hei"],
    };

    public static FontSet Resolve(ReportFontOptions? options = null)
    {
        options ??= new ReportFontOptions();
        var faces = new Dictionary<FontRole, FontFace>();
        foreach (var role in Enum.GetValues<FontRole>())
        {
            faces[role] = ResolveRole(role, options.For(role)) ?? throw NoFont(role, options.For(role));
        }
        return new FontSet(faces);
    }

    private static FontFace? ResolveRole(FontRole role, string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A configured font that is unusable is an error, not a reason to quietly print in another font.
            return Load(configured.Trim()) ?? throw new ReportFontException(
                $"配置的字体“{configured}”（Reports:Fonts:{role}）无法使用：找不到该字体文件或字体族，或其中没有中文字形。请改为可用的中文字体文件路径（如 /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc#2 或 C:\\Windows\\Fonts\\simfang.ttf）或删除该配置。");
        }
        foreach (var file in KnownFiles[role])
        {
            if (Load(file) is { } face) return face;
        }
        foreach (var family in KnownFamilies[role])
        {
            if (Load(family) is { } face) return face;
        }
        using var any = SKFontManager.Default.MatchCharacter(null, SKFontStyle.Normal, ["zh-Hans", "zh-CN"], '中');
        return any is null ? null : FromTypeface("match:" + any.FamilyName, SKTypeface.FromFamilyName(any.FamilyName));
    }

    private static ReportFontException NoFont(FontRole role, string? configured) => new(
        "未找到可用的中文字体，无法生成报告（不会输出缺字的空白方框）。" +
        "请在服务器上安装中文字体：Debian/Ubuntu 执行 apt-get install fonts-noto-cjk fonts-wqy-microhei；" +
        "Windows 需有 C:\\Windows\\Fonts 下的 simfang.ttf（仿宋）、simhei.ttf（黑体）、simkai.ttf（楷体）或 simsun.ttc（宋体）；" +
        $"或在配置 Reports:Fonts:{role} 中指定中文字体文件路径。");

    /// <summary>A font file ("path" or "path#faceIndex") or a family name; null when missing or without Chinese glyphs.</summary>
    public static FontFace? Load(string spec) => Loaded.GetOrAdd(spec, static s =>
    {
        var hash = s.LastIndexOf('#');
        var path = hash > 0 && int.TryParse(s[(hash + 1)..], out _) ? s[..hash] : s;
        var index = hash > 0 && int.TryParse(s[(hash + 1)..], out var i) ? i : 0;
        var looksLikeFile = path.Contains('/') || path.Contains('\\') || Path.HasExtension(path) && path.Length > 4 && path[^4] == '.';
        if (looksLikeFile)
        {
            if (!File.Exists(path)) return null;
            // Reading a font on Linux from a Windows path, or the reverse, must fail quietly.
            if (!OperatingSystem.IsWindows() && path.Contains('\\')) return null;
            var bytes = File.ReadAllBytes(path);
            using var data = SKData.CreateCopy(bytes);
            var typeface = SKTypeface.FromData(data, index);
            return typeface is null ? null : Verified(s, typeface, bytes, index);
        }
        var matched = SKFontManager.Default.MatchFamily(path);
        return matched is null ? null : FromTypeface("family:" + path, matched);
    });

    private static FontFace? FromTypeface(string key, SKTypeface? typeface)
    {
        if (typeface is null) return null;
        using var stream = typeface.OpenStream(out var index);
        if (stream is null) return null;
        using var data = SKData.Create(stream);
        if (data is null) return null;
        return Verified(key, typeface, data.ToArray(), index);
    }

    private static FontFace? Verified(string key, SKTypeface typeface, byte[] bytes, int index)
    {
        using var font = new SKFont(typeface, 12);
        return font.ContainsGlyphs(ProbeText) ? new FontFace(key, typeface, bytes, index) : null;
    }
}

/// <summary>
/// Font subsetting with HarfBuzz's hb-subset. Skia's PDF backend embeds TrueType fonts whole (megabytes) and
/// writes CFF fonts as Type 3 whose ToUnicode maps some ideographs to Kangxi radicals (一 → ⼀). A subset holding
/// only the document's characters fixes both. HarfBuzzSharp does not wrap hb-subset, but its native library
/// exports it.
/// </summary>
public static class FontSubsetter
{
    private const string Lib = "libHarfBuzzSharp";

    [DllImport(Lib)] private static extern IntPtr hb_blob_create(IntPtr data, uint length, int mode, IntPtr userData, IntPtr destroy);
    [DllImport(Lib)] private static extern void hb_blob_destroy(IntPtr blob);
    [DllImport(Lib)] private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);
    [DllImport(Lib)] private static extern IntPtr hb_face_create(IntPtr blob, uint index);
    [DllImport(Lib)] private static extern void hb_face_destroy(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_face_reference_blob(IntPtr face);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_create_or_fail();
    [DllImport(Lib)] private static extern void hb_subset_input_destroy(IntPtr input);
    [DllImport(Lib)] private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);
    [DllImport(Lib)] private static extern void hb_set_add(IntPtr set, uint codepoint);
    [DllImport(Lib)] private static extern IntPtr hb_subset_or_fail(IntPtr source, IntPtr input);

    // HB_MEMORY_MODE_READONLY: HarfBuzz reads the pinned bytes in place, no copy.
    private const int ReadOnly = 1;

    private static readonly ConcurrentDictionary<string, NativeFace> Faces = new();
    private static readonly ConcurrentDictionary<string, Lazy<NativeFace?>> Cores = new();

    private sealed class NativeFace(IntPtr face, GCHandle pin, HashSet<int>? codepoints)
    {
        public IntPtr Face { get; } = face;
        public GCHandle Pin { get; } = pin;

        /// <summary>The characters a core face holds; null for a whole font file.</summary>
        public HashSet<int>? Codepoints { get; } = codepoints;
        public Lock Gate { get; } = new();
    }

    /// <summary>
    /// The characters of GB 2312 (6,763 hanzi), ASCII and Chinese punctuation: nearly every report uses only these.
    /// A CJK font holds some 65,000 glyphs, and hb-subset's time grows with the source font; subsetting from a
    /// once-made "core" font of these characters is several times faster. Other characters use the whole font.
    /// </summary>
    private static HashSet<int> CoreCodepoints()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var gb2312 = System.Text.Encoding.GetEncoding("GB2312");
        var set = new HashSet<int>();
        for (var c = 0x20; c < 0x7F; c++) set.Add(c);
        for (var c = 0x2010; c <= 0x2027; c++) set.Add(c);
        for (var c = 0x3000; c <= 0x303F; c++) set.Add(c);
        for (var c = 0xFF01; c <= 0xFF5E; c++) set.Add(c);
        set.Add(0x00B7);
        set.Add(0x00D7);
        var bytes = new byte[2];
        for (var high = 0xA1; high <= 0xF7; high++)
        {
            for (var low = 0xA1; low <= 0xFE; low++)
            {
                bytes[0] = (byte)high;
                bytes[1] = (byte)low;
                var text = gb2312.GetString(bytes);
                if (text.Length == 1 && text[0] != '?' && text[0] != '\uFFFD') set.Add(text[0]);
            }
        }
        return set;
    }

    private static NativeFace Load(byte[] data, int index, HashSet<int>? codepoints)
    {
        // Pinned for the life of the process: the face is shared by every report.
        var pin = GCHandle.Alloc(data, GCHandleType.Pinned);
        var blob = hb_blob_create(pin.AddrOfPinnedObject(), (uint)data.Length, ReadOnly, IntPtr.Zero, IntPtr.Zero);
        var face = hb_face_create(blob, (uint)index);
        hb_blob_destroy(blob);
        return new NativeFace(face, pin, codepoints);
    }

    private static NativeFace Whole(FontFace face) => Faces.GetOrAdd(face.Key, _ => Load(face.Data, face.FaceIndex, null));

    private static NativeFace? Core(FontFace face) => Cores.GetOrAdd(face.Key, _ => new Lazy<NativeFace?>(() =>
    {
        var whole = Whole(face);
        var codepoints = CoreCodepoints();
        var bytes = SubsetFrom(whole, codepoints, face.Key);
        return Load(bytes, 0, codepoints);
    })).Value;

    /// <summary>A new font holding only <paramref name="codepoints"/> (plus .notdef), as OpenType bytes.</summary>
    public static byte[] Subset(FontFace face, IEnumerable<int> codepoints)
    {
        var wanted = codepoints as IReadOnlyCollection<int> ?? codepoints.ToList();
        var core = Core(face);
        var source = core is not null && wanted.All(core.Codepoints!.Contains) ? core : Whole(face);
        return SubsetFrom(source, wanted, face.Key);
    }

    private static byte[] SubsetFrom(NativeFace source, IEnumerable<int> codepoints, string key)
    {
        var input = hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero) throw new InvalidOperationException("字体子集化失败：无法创建 hb_subset_input。");
        try
        {
            var set = hb_subset_input_unicode_set(input);
            foreach (var cp in codepoints) hb_set_add(set, (uint)cp);
            IntPtr subset;
            // hb_face_t loads its tables lazily and is not documented as safe for concurrent subsetting.
            lock (source.Gate)
            {
                subset = hb_subset_or_fail(source.Face, input);
            }
            if (subset == IntPtr.Zero) throw new InvalidOperationException($"字体子集化失败（{key}）。");
            try
            {
                var blob = hb_face_reference_blob(subset);
                try
                {
                    var data = hb_blob_get_data(blob, out var length);
                    var bytes = new byte[length];
                    Marshal.Copy(data, bytes, 0, (int)length);
                    return bytes;
                }
                finally
                {
                    hb_blob_destroy(blob);
                }
            }
            finally
            {
                hb_face_destroy(subset);
            }
        }
        finally
        {
            hb_subset_input_destroy(input);
        }
    }
}
