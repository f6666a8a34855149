using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Snapshots;

namespace PovertyPortal.Data.Configurations;

public sealed class SnapshotBenefitConfiguration : IEntityTypeConfiguration<SnapshotBenefit>
{
    public void Configure(EntityTypeBuilder<SnapshotBenefit> builder)
    {
        builder.HasIndex(b => new { b.SnapshotId, b.CountyId, b.TownshipId, b.VillageId, b.ProgramId });
        builder.HasIndex(b => new { b.SnapshotId, b.HouseholdId });
        builder.HasOne<YearEndSnapshot>().WithMany().HasForeignKey(b => b.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
