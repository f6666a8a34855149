using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class CorrectionGroupMemberConfiguration : IEntityTypeConfiguration<CorrectionGroupMember>
{
    public void Configure(EntityTypeBuilder<CorrectionGroupMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(50);
        builder.Property(m => m.Unit).HasMaxLength(100);
        builder.HasIndex(m => m.SubjectId);
    }
}
