using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Encryption;

/// <summary>
/// Every column that holds personal data encrypted at rest, in one list (decision 0016). The entities keep plain values;
/// the converters encrypt on the way into the database and decrypt on the way out.
/// <para>
/// Only the deterministic columns (ID numbers and their last four digits) may be compared in a query, by equality:
/// EF Core encrypts the parameter the same way. A query that compares, orders or searches any other column here
/// silently finds nothing; read the rows and compare in memory instead.
/// </para>
/// </summary>
public static class EncryptedColumns
{
    public static void Apply(ModelBuilder builder, PersonalDataCipher cipher)
    {
        builder.Entity<Member>().Property(m => m.ResidentId).HasConversion(Text(cipher, "Member.ResidentId", deterministic: true)).HasMaxLength(96);
        // The last four digits with the birth date would rebuild most of an ID, so they are encrypted too; deterministic,
        // so that the list's last-four search stays an index lookup.
        builder.Entity<Member>().Property(m => m.ResidentIdTail).HasConversion(Text(cipher, "Member.ResidentIdTail", deterministic: true)).HasMaxLength(64);
        builder.Entity<Member>().Property(m => m.Health).HasConversion(Enum<HealthStatus>(cipher, "Member.Health")).HasMaxLength(96);
        builder.Entity<Member>().Property(m => m.DisabilityGrade).HasConversion(Grade(cipher, "Member.DisabilityGrade")).HasMaxLength(64);
        // A year-end snapshot's members keep their health as it was: encrypted under the snapshot's own column names.
        builder.Entity<Domain.Snapshots.SnapshotMember>().Property(m => m.Health).HasConversion(Enum<HealthStatus>(cipher, "SnapshotMember.Health")).HasMaxLength(96);
        builder.Entity<Domain.Snapshots.SnapshotMember>().Property(m => m.DisabilityGrade).HasConversion(Grade(cipher, "SnapshotMember.DisabilityGrade")).HasMaxLength(64);
        builder.Entity<Household>().Property(h => h.Phone).HasConversion(Text(cipher, "Household.Phone", deterministic: false)).HasMaxLength(128);
        builder.Entity<WorkTeamMember>().Property(m => m.Phone).HasConversion(Text(cipher, "WorkTeamMember.Phone", deterministic: false)).HasMaxLength(128);
        builder.Entity<Domain.Inspections.InspectionGroupMember>().Property(m => m.Phone).HasConversion(Text(cipher, "InspectionGroupMember.Phone", deterministic: false)).HasMaxLength(128);
        builder.Entity<Pairing>().Property(p => p.CadreResidentId).HasConversion(Text(cipher, "Pairing.CadreResidentId", deterministic: false)).HasMaxLength(96);
        // A correction subject's ID (deterministic: a second case of the same person is found by it) and phone.
        builder.Entity<Domain.Correction.CorrectionSubject>().Property(s => s.ResidentId).HasConversion(Text(cipher, "CorrectionSubject.ResidentId", deterministic: true)).HasMaxLength(96);
        builder.Entity<Domain.Correction.CorrectionSubject>().Property(s => s.Phone).HasConversion(Text(cipher, "CorrectionSubject.Phone", deterministic: false)).HasMaxLength(128);
        // A department's list (issue 20): the IDs it names, and its items, which for 医保 and 残联 are diagnoses and disabilities.
        builder.Entity<Domain.Feeds.FeedRow>().Property(r => r.ResidentId).HasConversion(Text(cipher, "FeedRow.ResidentId", deterministic: false)).HasMaxLength(128);
        builder.Entity<Domain.Feeds.FeedRow>().Property(r => r.Item).HasConversion(Text(cipher, "FeedRow.Item", deterministic: false)).HasMaxLength(800);
        builder.Entity<Domain.Feeds.HomeCheckTask>().Property(t => t.ResidentId).HasConversion(Text(cipher, "HomeCheckTask.ResidentId", deterministic: false)).HasMaxLength(128);
        builder.Entity<Domain.Feeds.HomeCheckTask>().Property(t => t.Item).HasConversion(Text(cipher, "HomeCheckTask.Item", deterministic: false)).HasMaxLength(2000);
        // The field history keeps old and new values of IDs, phones and health; all of it is encrypted, one rule for the column.
        builder.Entity<FieldChange>().Property(c => c.OldValue).HasConversion(Text(cipher, "FieldChange.OldValue", deterministic: false)).HasMaxLength(2100);
        builder.Entity<FieldChange>().Property(c => c.NewValue).HasConversion(Text(cipher, "FieldChange.NewValue", deterministic: false)).HasMaxLength(2100);
    }

    // Untyped, so that it serves string and string? properties alike.
#pragma warning disable CA1859
    private static ValueConverter Text(PersonalDataCipher cipher, string column, bool deterministic) =>
        new EncryptedConverter<string>(column, deterministic, convertsNulls: false,
            v => cipher.Encrypt(v, column, deterministic),
            v => cipher.Decrypt(v, column));
#pragma warning restore CA1859

    private static EncryptedConverter<TEnum> Enum<TEnum>(PersonalDataCipher cipher, string column) where TEnum : struct, Enum =>
        new(column, deterministic: false, convertsNulls: false,
            v => cipher.Encrypt(v.ToString(), column, false),
            v => System.Enum.Parse<TEnum>(cipher.Decrypt(v, column)));

    /// <summary>
    /// A member without a disability grade is stored as an encrypted empty value, not as NULL: a NULL beside the
    /// encrypted health would tell which members have a grade, that is, are disabled.
    /// </summary>
    private static EncryptedConverter<int?> Grade(PersonalDataCipher cipher, string column) =>
        new(column, deterministic: false, convertsNulls: true,
            v => cipher.Encrypt(v.HasValue ? v.Value.ToString(CultureInfo.InvariantCulture) : "", column, false),
            v => ParseGrade(v == null ? "" : cipher.Decrypt(v, column)));

    private static int? ParseGrade(string text) => text.Length == 0 ? null : int.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>A value converter that encrypts; PersonalDataRewriter finds the encrypted columns by it.</summary>
public interface IEncryptedConverter
{
    string Column { get; }
    bool Deterministic { get; }

    /// <summary>The plain text a stored value from before encryption stands for (the value as the column held it then).</summary>
    string? PlainText(object? legacy) => legacy switch
    {
        null => ConvertsNulls ? "" : null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => legacy.ToString(),
    };

    bool ConvertsNulls { get; }
}

public sealed class EncryptedConverter<TModel> : ValueConverter<TModel, string>, IEncryptedConverter
{
#pragma warning disable EF1001 // Converting nulls is an internal EF Core API; used for the disability grade only, a column no query compares.
    public EncryptedConverter(string column, bool deterministic, bool convertsNulls,
        System.Linq.Expressions.Expression<Func<TModel, string>> encrypt, System.Linq.Expressions.Expression<Func<string, TModel>> decrypt)
        : base(encrypt, decrypt, convertsNulls)
#pragma warning restore EF1001
    {
        Column = column;
        Deterministic = deterministic;
    }

    public string Column { get; }

    public bool Deterministic { get; }
}
