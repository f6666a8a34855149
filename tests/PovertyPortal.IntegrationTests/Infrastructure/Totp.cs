using System.Security.Cryptography;

namespace PovertyPortal.IntegrationTests.Infrastructure;

/// <summary>
/// RFC 6238 as an authenticator app computes it (HMAC-SHA1, 30-second steps, 6 digits) from the base32 key the
/// set-up page shows. Identity checks codes against the real clock, so the real clock is used here too.
/// </summary>
public static class Totp
{
    public static string Now(string base32Key) => At(base32Key, DateTimeOffset.UtcNow);

    public static string At(string base32Key, DateTimeOffset time)
    {
        var counter = time.ToUnixTimeSeconds() / 30;
        Span<byte> message = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(message, counter);
#pragma warning disable CA5350 // RFC 6238 as authenticator apps (and Identity) compute it is HMAC-SHA1.
        var hash = HMACSHA1.HashData(Base32(base32Key), message);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('=').ToUpperInvariant())
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
