using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Snapshots;

namespace PovertyPortal.Data.Configurations;

public sealed class SnapshotMemberConfiguration : IEntityTypeConfiguration<SnapshotMember>
{
    public void Configure(EntityTypeBuilder<SnapshotMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(50);
        builder.HasIndex(m => new { m.SnapshotId, m.HouseholdId });
        builder.HasIndex(m => new { m.SnapshotId, m.CountyId, m.TownshipId, m.VillageId });
        builder.HasOne<YearEndSnapshot>().WithMany().HasForeignKey(m => m.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
