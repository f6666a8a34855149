using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Snapshots;

namespace PovertyPortal.Data.Configurations;

public sealed class SnapshotChangeExplanationConfiguration : IEntityTypeConfiguration<SnapshotChangeExplanation>
{
    public void Configure(EntityTypeBuilder<SnapshotChangeExplanation> builder)
    {
        builder.Property(e => e.Note).HasMaxLength(500);
        builder.Property(e => e.CreatedBy).HasMaxLength(256);
        builder.Property(e => e.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(e => new { e.FromSnapshotId, e.ToSnapshotId, e.HouseholdId }).IsUnique();
        builder.HasOne<YearEndSnapshot>().WithMany().HasForeignKey(e => e.FromSnapshotId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<YearEndSnapshot>().WithMany().HasForeignKey(e => e.ToSnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
