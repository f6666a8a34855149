using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace PovertyPortal.Web.Infrastructure;

/// <summary>
/// The data-protection key ring (sign-in cookies, antiforgery, the second-factor cookie). It lives in a folder of its
/// own, never beside the SQLite file: a copied database or data folder must not carry the keys that forge sign-ins.
/// Several instances share one ring by pointing DataProtection:KeysDirectory at the same (network) folder. With a
/// certificate configured, the keys are encrypted at rest with it (decision 0017).
/// </summary>
public static class DataProtectionSetup
{
    /// <summary>Default folder: the service account's local application data (~/.local/share/PovertyPortal/keys on Linux).</summary>
    public static string DefaultKeysDirectory =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "PovertyPortal", "keys");

    public static IServiceCollection AddPortalDataProtection(this IServiceCollection services, IConfiguration configuration)
    {
        var folder = configuration["DataProtection:KeysDirectory"] is { Length: > 0 } configured ? configured : DefaultKeysDirectory;
        var builder = services.AddDataProtection()
            .SetApplicationName("PovertyPortal")
            .PersistKeysToFileSystem(new DirectoryInfo(folder));
        if (LoadCertificate(configuration) is { } certificate) builder.ProtectKeysWithCertificate(certificate);
        return services;
    }

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
