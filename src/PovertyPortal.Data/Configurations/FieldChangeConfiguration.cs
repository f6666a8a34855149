using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Data.Configurations;

public sealed class FieldChangeConfiguration : IEntityTypeConfiguration<FieldChange>
{
    public void Configure(EntityTypeBuilder<FieldChange> builder)
    {
        builder.Property(c => c.UserName).HasMaxLength(256);
        builder.Property(c => c.EntityType).HasMaxLength(32);
        builder.Property(c => c.Subject).HasMaxLength(100);
        builder.Property(c => c.Field).HasMaxLength(64);
        // OldValue and NewValue are encrypted: Encryption/EncryptedColumns.cs.
        builder.HasIndex(c => new { c.HouseholdId, c.At });
        // A problem's history (GetProblem) has no household: it is found by its entity.
        builder.HasIndex(c => new { c.EntityType, c.EntityId, c.At });
    }
}
