using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Snapshots;

namespace PovertyPortal.Data.Configurations;

public sealed class YearEndSnapshotConfiguration : IEntityTypeConfiguration<YearEndSnapshot>
{
    public void Configure(EntityTypeBuilder<YearEndSnapshot> builder)
    {
        builder.Property(s => s.FrozenBy).HasMaxLength(256);
        builder.Ignore(s => s.Label);
        // One snapshot per county and year: a second freeze is refused (decision 0028), by the handler and, under a race, here.
        builder.HasIndex(s => new { s.CountyId, s.Year }).IsUnique();
        builder.HasOne<County>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
