namespace PovertyPortal.Web.Features.Attachments;

/// <summary>
/// What an uploaded file really is, told by its first bytes (magic numbers), never by its name or the type the
/// browser claims: only photos (JPEG, PNG, GIF, WebP) and PDF are accepted. SVG is refused on purpose: it is an
/// image that can carry script.
/// </summary>
public static class AttachmentContent
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string TooLarge = "附件不能超过10MB";
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public const string NotAllowed = "只能上传图片（JPG、PNG、GIF、WEBP）或PDF文件";

    /// <summary>The content type and usual extension of the bytes, or null when they are none of the accepted kinds.</summary>
    public static (string ContentType, string Extension)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return ("application/pdf", ".pdf");
        if (head.StartsWith(Jpeg)) return ("image/jpeg", ".jpg");
        if (head.StartsWith(Png)) return ("image/png", ".png");
        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8)) return ("image/gif", ".gif");
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return ("image/webp", ".webp");
        return null;
    }

    /// <summary>A file name safe to show and to send back in Content-Disposition: no path, no control characters.</summary>
    public static string CleanFileName(string? name, string extension)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        file = new string(file.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (file.Length == 0) file = "附件";
        if (file.Length > 100) file = file[..100];
        // The extension follows the content, so a PDF called photo.html is offered as photo.html.pdf.
        return file.EndsWith(extension, StringComparison.OrdinalIgnoreCase) || (extension == ".jpg" && file.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase))
            ? file : file + extension;
    }
}
