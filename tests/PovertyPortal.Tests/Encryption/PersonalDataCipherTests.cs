using PovertyPortal.Data.Encryption;

namespace PovertyPortal.Tests.Encryption;

public sealed class PersonalDataCipherTests : IDisposable
{
    private const string Id = "42112219790601321X";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "portal-keys-" + Guid.NewGuid().ToString("N"));
    private readonly PersonalDataCipher cipher = new(PersonalDataKeyRing.Generate());

    public void Dispose()
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void A_deterministic_value_encrypts_the_same_each_time_so_the_database_can_compare_it()
    {
        var once = cipher.Encrypt(Id, "Member.ResidentId", deterministic: true);
        Assert.Equal(once, cipher.Encrypt(Id, "Member.ResidentId", deterministic: true));
        Assert.NotEqual(once, cipher.Encrypt("421122197906013228", "Member.ResidentId", deterministic: true));
        Assert.StartsWith("pd1:", once, StringComparison.Ordinal);
        Assert.DoesNotContain(Id, once, StringComparison.Ordinal);
        Assert.Equal(Id, cipher.Decrypt(once, "Member.ResidentId"));
    }

    [Fact]
    public void A_random_value_never_encrypts_the_same_twice_and_reads_back()
    {
        var first = cipher.Encrypt("13800138000", "Household.Phone", deterministic: false);
        var second = cipher.Encrypt("13800138000", "Household.Phone", deterministic: false);
        Assert.NotEqual(first, second);
        Assert.Equal("13800138000", cipher.Decrypt(first, "Household.Phone"));
        Assert.Equal("13800138000", cipher.Decrypt(second, "Household.Phone"));
    }

    [Fact]
    public void The_same_ID_in_two_columns_encrypts_differently_and_a_value_moved_to_another_column_does_not_decrypt()
    {
        var member = cipher.Encrypt(Id, "Member.ResidentId", deterministic: true);
        Assert.NotEqual(member, cipher.Encrypt(Id, "Member.ResidentIdTail", deterministic: true));
        var refusal = Assert.Throws<PersonalDataKeyException>(() => cipher.Decrypt(member, "Pairing.CadreResidentId"));
        Assert.Contains("无法用密钥文件中的密钥 1 解密", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_byte_another_key_file_or_a_plain_value_is_refused_in_Chinese()
    {
        var stored = cipher.Encrypt(Id, "Member.ResidentId", deterministic: true);
        var bytes = Convert.FromBase64String(stored[4..]);
        bytes[^1] ^= 1;
        Assert.Throws<PersonalDataKeyException>(() => cipher.Decrypt("pd1:" + Convert.ToBase64String(bytes), "Member.ResidentId"));
        Assert.Throws<PersonalDataKeyException>(() => new PersonalDataCipher(PersonalDataKeyRing.Generate()).Decrypt(stored, "Member.ResidentId"));
        Assert.Contains("不是密文", Assert.Throws<PersonalDataKeyException>(() => cipher.Decrypt(Id, "Member.ResidentId")).Message, StringComparison.Ordinal);
        Assert.Contains("密钥 7", Assert.Throws<PersonalDataKeyException>(() => cipher.Decrypt("pd7:" + stored[4..], "Member.ResidentId")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_ciphers_and_many_threads_at_once_never_mix_their_keys_or_nonces()
    {
        // Each thread keeps its own AES and HMAC per key: two key rings used alternately on the same threads must
        // still each read back only their own values, and random nonces must not repeat across threads.
        var other = new PersonalDataCipher(PersonalDataKeyRing.Generate());
        var stored = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var id = "4211221979" + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            var mine = (i % 2 == 0 ? cipher : other).Encrypt(id, "Member.ResidentId", deterministic: true);
            Assert.Equal(id, (i % 2 == 0 ? cipher : other).Decrypt(mine, "Member.ResidentId"));
            Assert.Throws<PersonalDataKeyException>(() => (i % 2 == 0 ? other : cipher).Decrypt(mine, "Member.ResidentId"));
            stored.Add(cipher.Encrypt("13800138000", "Household.Phone", deterministic: false));
        });
        var nonces = stored.Select(s => Convert.ToBase64String(Convert.FromBase64String(s[4..]).AsSpan(0, 12))).ToList();
        Assert.Equal(2000, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Only_values_with_a_key_prefix_count_as_encrypted()
    {
        Assert.True(PersonalDataCipher.IsEncrypted(cipher.Encrypt("", "Member.DisabilityGrade", deterministic: false)));
        Assert.Equal(12, PersonalDataCipher.KeyIdOf("pd12:abc"));
        Assert.False(PersonalDataCipher.IsEncrypted(Id));
        Assert.False(PersonalDataCipher.IsEncrypted("pdx:abc"));
        Assert.False(PersonalDataCipher.IsEncrypted("pd:abc"));
        Assert.False(PersonalDataCipher.IsEncrypted(null));
    }

    [Fact]
    public void The_key_file_is_written_for_its_owner_only_and_a_rotation_keeps_the_old_keys()
    {
        var path = Path.Combine(folder, "keys", "personal-data-keys.json");
        var created = PersonalDataKeyRing.LoadOrCreate(path);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        var stored = new PersonalDataCipher(created).Encrypt(Id, "Member.ResidentId", deterministic: true);

        var loaded = PersonalDataKeyRing.LoadOrCreate(path);
        Assert.Equal(created.Fingerprint, loaded.Fingerprint);

        var rotated = loaded.WithNewKey();
        rotated.Save(path);
        var reloaded = PersonalDataKeyRing.Load(path);
        Assert.Equal(2, reloaded.CurrentKeyId);
        var rotatedCipher = new PersonalDataCipher(reloaded);
        Assert.Equal(Id, rotatedCipher.Decrypt(stored, "Member.ResidentId"));
        Assert.StartsWith("pd2:", rotatedCipher.Encrypt(Id, "Member.ResidentId", deterministic: true), StringComparison.Ordinal);
        Assert.NotEqual(created.Fingerprint, reloaded.Fingerprint);
    }

    [Fact]
    public void A_damaged_key_file_stops_the_start_instead_of_making_a_new_key()
    {
        var path = Path.Combine(folder, "personal-data-keys.json");
        Directory.CreateDirectory(folder);
        File.WriteAllText(path, "{ \"current\": 1, \"keys\": [ { \"id\": 1, \"secret\": \"c2hvcnQ=\" } ] }");
        Assert.Contains("不是 256 位", Assert.Throws<InvalidDataException>(() => PersonalDataKeyRing.LoadOrCreate(path)).Message, StringComparison.Ordinal);
        File.WriteAllText(path, "not json");
        Assert.Contains("格式不正确", Assert.Throws<InvalidDataException>(() => PersonalDataKeyRing.LoadOrCreate(path)).Message, StringComparison.Ordinal);
        Assert.Equal("not json", File.ReadAllText(path));
    }
}
