using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace PovertyPortal.Data.Encryption;

/// <summary>
/// Carries the cipher into PortalDbContext's model. EF Core caches one model per set of options; the key ring's
/// fingerprint is part of that set, so contexts with other keys (a rotation, a test) get a model of their own.
/// </summary>
public sealed class PersonalDataOptionsExtension(PersonalDataCipher cipher) : IDbContextOptionsExtension
{
    private DbContextOptionsExtensionInfo? info;

    public PersonalDataCipher Cipher => cipher;

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(PersonalDataOptionsExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private string Fingerprint => extension.Cipher.KeyRing.Fingerprint;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "PersonalDataEncryption ";

        public override int GetServiceProviderHashCode() => StringComparer.Ordinal.GetHashCode(Fingerprint);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo o && o.Fingerprint == Fingerprint;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["PersonalData:KeyRing"] = Fingerprint;
    }
}

public static class PersonalDataOptionsBuilderExtensions
{
    public static DbContextOptionsBuilder UsePersonalDataCipher(this DbContextOptionsBuilder options, PersonalDataCipher cipher)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new PersonalDataOptionsExtension(cipher));
        return options;
    }

    public static DbContextOptionsBuilder<TContext> UsePersonalDataCipher<TContext>(this DbContextOptionsBuilder<TContext> options, PersonalDataCipher cipher)
        where TContext : DbContext =>
        (DbContextOptionsBuilder<TContext>)((DbContextOptionsBuilder)options).UsePersonalDataCipher(cipher);
}
