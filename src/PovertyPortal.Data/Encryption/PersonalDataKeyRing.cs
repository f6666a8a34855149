using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PovertyPortal.Data.Encryption;

/// <summary>
/// The keys that encrypt personal data at rest (decision 0016): numbered 256-bit secrets, one of them current. They live
/// in a key file apart from the database, so a copy of the database alone, or a dump of it, holds no readable ID or phone.
/// Older keys stay in the file after a rotation: backups made before it still need them.
/// </summary>
public sealed class PersonalDataKeyRing
{
    private readonly Dictionary<int, byte[]> keys;

    private PersonalDataKeyRing(int currentKeyId, Dictionary<int, byte[]> keys)
    {
        if (!keys.ContainsKey(currentKeyId)) throw new InvalidDataException($"个人信息密钥文件中没有当前密钥 {currentKeyId}。");
        CurrentKeyId = currentKeyId;
        this.keys = keys;
        Fingerprint = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{currentKeyId};" + string.Join(";", keys.OrderBy(k => k.Key).Select(k => $"{k.Key}={Convert.ToBase64String(k.Value)}")))))[..16];
    }

    public int CurrentKeyId { get; }

    public IReadOnlyCollection<int> KeyIds => keys.Keys;

    /// <summary>Tells key rings apart without showing a key: EF Core builds one model per key ring (PersonalDataOptionsExtension).</summary>
    public string Fingerprint { get; }

    public bool TryGetKey(int keyId, out byte[] key) => keys.TryGetValue(keyId, out key!);

    /// <summary>A ring of one fresh key, kept in memory only (tests, design-time contexts).</summary>
    public static PersonalDataKeyRing Generate() => new(1, new() { [1] = RandomNumberGenerator.GetBytes(32) });

    /// <summary>The same keys with a fresh one added and made current.</summary>
    public PersonalDataKeyRing WithNewKey()
    {
        var next = keys.Keys.Max() + 1;
        return new(next, new Dictionary<int, byte[]>(keys) { [next] = RandomNumberGenerator.GetBytes(32) });
    }

    /// <summary>
    /// Reads the key file, or writes one with a fresh key when there is none yet (first start). A key file that exists
    /// but cannot be read stops the start: making a new key then would leave the stored data unreadable.
    /// </summary>
    public static PersonalDataKeyRing LoadOrCreate(string path)
    {
        if (File.Exists(path)) return Load(path);
        var ring = Generate();
        ring.Save(path);
        return ring;
    }

    public static PersonalDataKeyRing Load(string path)
    {
        KeyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<KeyFile>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"个人信息密钥文件 {path} 格式不正确：{e.Message}", e);
        }
        if (file?.Keys is not { Count: > 0 }) throw new InvalidDataException($"个人信息密钥文件 {path} 中没有密钥。");
        var keys = new Dictionary<int, byte[]>();
        foreach (var key in file.Keys)
        {
            var secret = Convert.FromBase64String(key.Secret);
            if (secret.Length != 32) throw new InvalidDataException($"个人信息密钥文件 {path} 中的密钥 {key.Id} 不是 256 位。");
            keys[key.Id] = secret;
        }
        return new(file.Current, keys);
    }

    /// <summary>Writes the key file whole (a temporary file renamed over it), readable by its owner only.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var file = new KeyFile(CurrentKeyId, keys.OrderBy(k => k.Key)
            .Select(k => new KeyEntry(k.Key, Convert.ToBase64String(k.Value))).ToList());
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            JsonSerializer.Serialize(stream, file, Indented);
        }
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Where the key file is when PersonalData:KeyFile is not set: the account's own settings folder, not the data folder.</summary>
    public static string DefaultPath
    {
        get
        {
            var settings = Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (string.IsNullOrEmpty(settings)) settings = Path.Combine(AppContext.BaseDirectory, "keys");
            return Path.Combine(settings, "PovertyPortal", "personal-data-keys.json");
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private sealed record KeyFile(
        [property: JsonPropertyName("current")] int Current,
        [property: JsonPropertyName("keys")] List<KeyEntry> Keys);

    private sealed record KeyEntry(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("secret")] string Secret);
}
