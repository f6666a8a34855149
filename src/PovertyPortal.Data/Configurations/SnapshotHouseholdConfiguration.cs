using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Snapshots;

namespace PovertyPortal.Data.Configurations;

public sealed class SnapshotHouseholdConfiguration : IEntityTypeConfiguration<SnapshotHousehold>
{
    public void Configure(EntityTypeBuilder<SnapshotHousehold> builder)
    {
        builder.Property(h => h.HouseholdNumber).HasMaxLength(64);
        builder.Property(h => h.HeadName).HasMaxLength(50);
        builder.Property(h => h.RelocationSite).HasMaxLength(200);
        builder.Property(h => h.MemberYears).HasPrecision(6, 2);
        // The figures as of a snapshot group a snapshot's rows by township and village (and read them in scope);
        // the diff finds a household of the other side by its id.
        builder.HasIndex(h => new { h.SnapshotId, h.CountyId, h.TownshipId, h.VillageId });
        builder.HasIndex(h => new { h.SnapshotId, h.HouseholdId }).IsUnique();
        builder.HasOne<YearEndSnapshot>().WithMany().HasForeignKey(h => h.SnapshotId).OnDelete(DeleteBehavior.Restrict);
    }
}
