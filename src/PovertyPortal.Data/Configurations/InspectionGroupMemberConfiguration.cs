using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class InspectionGroupMemberConfiguration : IEntityTypeConfiguration<InspectionGroupMember>
{
    public void Configure(EntityTypeBuilder<InspectionGroupMember> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.Property(m => m.Name).HasMaxLength(50);
        builder.Property(m => m.Unit).HasMaxLength(100);
        // Phone is encrypted: Encryption/EncryptedColumns.cs.
        builder.Ignore(m => m.IsOutsider);
        builder.HasIndex(m => new { m.InspectionPairId, m.Role });
        builder.HasIndex(m => m.UserId);
    }
}
