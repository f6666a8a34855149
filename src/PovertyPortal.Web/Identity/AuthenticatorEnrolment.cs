using System.Text;
using QRCoder;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// What an authenticator app needs to add the portal: the otpauth:// address (RFC 6238, 6 digits, 30 s, SHA-1 — what
/// every app reads) and its QR code, drawn on the server as a PNG data URI so that no script and no network is involved.
/// </summary>
public static class AuthenticatorEnrolment
{
    public const string Issuer = "驻村帮扶工作管理平台";

    public static string OtpAuthUri(string userName, string sharedKey) =>
        $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(userName)}" +
        $"?secret={sharedKey}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";

    public static string QrCodeDataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The key in groups of four, lower case, for typing it into an app by hand.</summary>
    public static string FormatKey(string sharedKey)
    {
        var text = new StringBuilder();
        for (var i = 0; i < sharedKey.Length; i += 4)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(sharedKey.AsSpan(i, Math.Min(4, sharedKey.Length - i)));
        }
        return text.ToString().ToLowerInvariant();
    }

    /// <summary>A typed code without the spaces and dashes people copy along; six digits are an app's code, anything else a recovery code.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();

    public static bool IsAuthenticatorCode(string code) => code.Length == 6 && code.All(char.IsAsciiDigit);
}
