using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace PovertyPortal.Data.Encryption;

/// <summary>
/// AES-256-GCM over one column value (decision 0016). A stored value reads "pd{key id}:{base64 of nonce, ciphertext, tag}";
/// the column's name is the associated data, so a value copied into another column does not decrypt.
/// <para>
/// Deterministic values (ID numbers, their last four digits) take their nonce from an HMAC of the column and the value:
/// the same ID always encrypts to the same text, so the database can still compare, index and keep IDs unique, and a
/// query's parameter is encrypted to match. Nonces repeat only for equal values, which is what makes this safe with GCM.
/// Everything else (phones, health, history) takes a random nonce and cannot be compared in SQL at all.
/// </para>
/// </summary>
public sealed class PersonalDataCipher(PersonalDataKeyRing keyRing)
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly Dictionary<int, (byte[] Encryption, byte[] Nonce)> subkeys = keyRing.KeyIds.ToDictionary(
        id => id,
        id => keyRing.TryGetKey(id, out var key)
            ? (HKDF.Expand(HashAlgorithmName.SHA256, key, 32, "PovertyPortal personal data: encryption"u8.ToArray()),
               HKDF.Expand(HashAlgorithmName.SHA256, key, 32, "PovertyPortal personal data: nonce"u8.ToArray()))
            : throw new InvalidOperationException());

    // AesGcm and a keyed HMAC cost as much to set up as to use on one short value, and neither is thread-safe: each
    // thread keeps its own per key, for as long as the key's cipher lives. An import encrypts half a million values;
    // this halves the time they take.
    [ThreadStatic]
    private static ConditionalWeakTable<byte[], Worker>? workers;

    public PersonalDataKeyRing KeyRing => keyRing;

    /// <summary>The prefix every value encrypted under the current key starts with.</summary>
    public string CurrentPrefix => Prefix(keyRing.CurrentKeyId);

    public static string Prefix(int keyId) => $"pd{keyId.ToString(CultureInfo.InvariantCulture)}:";

    public static bool IsEncrypted(string? stored) => stored is not null && KeyIdOf(stored) is not null;

    public string Encrypt(string plain, string column, bool deterministic)
    {
        var keyId = keyRing.CurrentKeyId;
        var worker = WorkerFor(keyId);
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var columnBytes = Encoding.UTF8.GetBytes(column);
        var output = new byte[NonceSize + plainBytes.Length + TagSize];
        var nonce = output.AsSpan(0, NonceSize);
        if (deterministic)
        {
            worker.Nonce.AppendData((byte[])[.. columnBytes, 0, .. plainBytes]);
            Span<byte> mac = stackalloc byte[32];
            worker.Nonce.GetHashAndReset(mac);
            mac[..NonceSize].CopyTo(nonce);
        }
        else
        {
            worker.FillRandom(nonce);
        }
        worker.Aes.Encrypt(nonce, plainBytes, output.AsSpan(NonceSize, plainBytes.Length), output.AsSpan(NonceSize + plainBytes.Length), columnBytes);
        return Prefix(keyId) + Convert.ToBase64String(output);
    }

    public string Decrypt(string stored, string column)
    {
        if (KeyIdOf(stored) is not { } keyId)
        {
            throw new PersonalDataKeyException($"数据库中的{column}不是密文：请先运行 migrate，由它加密旧数据。");
        }
        if (!subkeys.ContainsKey(keyId))
        {
            throw new PersonalDataKeyException($"数据库中的{column}由密钥 {keyId} 加密，密钥文件中没有这把密钥：请恢复原来的密钥文件（见 deploy/README.md）。");
        }
        var bytes = Convert.FromBase64String(stored[(stored.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        if (bytes.Length < NonceSize + TagSize) throw new PersonalDataKeyException($"数据库中的{column}密文已损坏。");
        var plain = new byte[bytes.Length - NonceSize - TagSize];
        try
        {
            WorkerFor(keyId).Aes.Decrypt(bytes.AsSpan(0, NonceSize), bytes.AsSpan(NonceSize, plain.Length), bytes.AsSpan(NonceSize + plain.Length), plain,
                Encoding.UTF8.GetBytes(column));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new PersonalDataKeyException(
                $"数据库中的{column}无法用密钥文件中的密钥 {keyId} 解密：密钥文件不是加密这些数据的那一份，或数据已被改动。", e);
        }
        return Encoding.UTF8.GetString(plain);
    }

    private Worker WorkerFor(int keyId)
    {
        var (encryptionKey, nonceKey) = subkeys[keyId];
        workers ??= [];
        if (!workers.TryGetValue(encryptionKey, out var worker))
        {
            worker = new Worker(new AesGcm(encryptionKey, TagSize), IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, nonceKey));
            workers.Add(encryptionKey, worker);
        }
        return worker;
    }

    private sealed class Worker(AesGcm aes, IncrementalHash nonce)
    {
        // One call to the system's generator costs more than encrypting a short value; draw its bytes a page at a time.
        private readonly byte[] random = new byte[4096];
        private int used = 4096;

        public AesGcm Aes => aes;

        public IncrementalHash Nonce => nonce;

        public void FillRandom(Span<byte> destination)
        {
            if (used + destination.Length > random.Length)
            {
                RandomNumberGenerator.Fill(random);
                used = 0;
            }
            random.AsSpan(used, destination.Length).CopyTo(destination);
            used += destination.Length;
        }
    }

    /// <summary>The key id of an encrypted value, or null for a value that is not one (a plain value from before encryption).</summary>
    public static int? KeyIdOf(string stored)
    {
        if (!stored.StartsWith("pd", StringComparison.Ordinal)) return null;
        var colon = stored.IndexOf(':', StringComparison.Ordinal);
        return colon > 2 && int.TryParse(stored.AsSpan(2, colon - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }
}

/// <summary>Stored personal data that the configured keys cannot read: the message says what to do.</summary>
public sealed class PersonalDataKeyException : Exception
{
    public PersonalDataKeyException(string message) : base(message) { }
    public PersonalDataKeyException(string message, Exception inner) : base(message, inner) { }
    public PersonalDataKeyException() { }
}
