using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.DataProtection;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery, the second-factor cookie). It lives in a folder of its
/// own, never beside the SQLite file: a copied database or data folder must not carry the keys that forge sign-ins.
/// Several instances share one ring by pointing DataProtection:KeysDirectory at the same (network) folder, or by
/// keeping it in the database (DataProtection:KeyStore = Database, decision 0034), which then requires a certificate:
/// with one configured, the keys are encrypted at rest with it (decision 0017).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Default folder: the service account's local application data (~/.local/share/PovertyPortal/keys on Linux).</summary>
    public static string DefaultKeysDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "PovertyPortal", "keys");

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var builder = services.AddDataProtection().SetApplicationName("PovertyPortal");
        var certificate = LoadCertificate(configuration);
        if (InDatabase(configuration))
        {
            // Backups copy the database; keys in it must be useless without the certificate that stays on the servers.
            if (certificate is null)
                throw new InvalidOperationException("DataProtection:KeyStore 为 Database 时必须配置 DataProtection:CertificatePath（用证书加密数据库中的密钥）。");
            services.TryAddSingleton<DatabaseKeyRepository>();
            services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
                .Configure<DatabaseKeyRepository>((options, repository) => options.XmlRepository = repository);
        }
        else
        {
            var folder = configuration["DataProtection:KeysDirectory"] is { Length: > 0 } configured ? configured : DefaultKeysDirectory;
            builder.PersistKeysToFileSystem(new DirectoryInfo(folder));
        }
        if (certificate is not null) builder.ProtectKeysWithCertificate(certificate);
        return services;
    }

    /// <summary>DataProtection:KeyStore: <c>Directory</c> (the default) or <c>Database</c>.</summary>
    public static bool InDatabase(IConfiguration configuration) => (configuration["DataProtection:KeyStore"] ?? "Directory") switch
    {
        var store when store.Equals("Database", StringComparison.OrdinalIgnoreCase) => true,
        var store when store.Equals("Directory", StringComparison.OrdinalIgnoreCase) => false,
        var store => throw new InvalidOperationException($"配置项 DataProtection:KeyStore 的值“{store}”无效，应为 Directory 或 Database。"),
    };

    /// <summary>
    /// DataProtection:CertificatePath names a PKCS#12 file (.pfx/.p12, with DataProtection:CertificatePassword) or a PEM
    /// certificate whose private key is in DataProtection:CertificateKeyPath. Null when none is configured.
    /// </summary>
    public static X509Certificate2? LoadCertificate(IConfiguration configuration)
    {
        if (configuration["DataProtection:CertificatePath"] is not { Length: > 0 } path) return null;
        if (!File.Exists(path)) throw new InvalidOperationException($"数据保护证书文件不存在：{path}（DataProtection:CertificatePath）");
        var certificate = configuration["DataProtection:CertificateKeyPath"] is { Length: > 0 } keyPath
            ? X509Certificate2.CreateFromPemFile(path, keyPath)
            : X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:CertificatePassword"]);
        if (!certificate.HasPrivateKey) throw new InvalidOperationException($"数据保护证书没有私钥：{path}");
        return certificate;
    }
}
