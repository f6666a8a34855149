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
        builder.Property(c => c.OldValue).HasMaxLength(500);
        builder.Property(c => c.NewValue).HasMaxLength(500);
        builder.HasIndex(c => new { c.HouseholdId, c.At });
    }
}
