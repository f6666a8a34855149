using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class YearLockConfiguration : IEntityTypeConfiguration<YearLock>
{
    public void Configure(EntityTypeBuilder<YearLock> builder)
    {
        builder.Property(l => l.LockedBy).HasMaxLength(256);
        builder.Property(l => l.UnlockedBy).HasMaxLength(256);
        builder.Property(l => l.UnlockReason).HasMaxLength(500);
        // One row per township and year: the save check reads it by these two columns.
        builder.HasIndex(l => new { l.TownshipId, l.Year }).IsUnique();
        builder.HasIndex(l => new { l.CountyId, l.Year });
        builder.HasOne(l => l.Township).WithMany().HasForeignKey(l => l.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<County>().WithMany().HasForeignKey(l => l.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
