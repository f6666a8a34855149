using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Feeds;

namespace PovertyPortal.Data.Configurations;

public sealed class FeedRowConfiguration : IEntityTypeConfiguration<FeedRow>
{
    public void Configure(EntityTypeBuilder<FeedRow> builder)
    {
        // ResidentId and Item are encrypted (EncryptedColumns): their lengths are set there.
        builder.Property(r => r.Name).HasMaxLength(100);
        builder.Property(r => r.VillageCode).HasMaxLength(50);
        builder.Property(r => r.Village).HasMaxLength(200);
        builder.Property(r => r.Address).HasMaxLength(400);
        builder.Property(r => r.Amount).HasMaxLength(50);
        builder.Property(r => r.Date).HasMaxLength(50);
        builder.Property(r => r.Note).HasMaxLength(400);
        builder.Property(r => r.Reason).HasMaxLength(200);
        builder.HasIndex(r => new { r.FeedBatchId, r.RowNumber });
        builder.HasOne<County>().WithMany().HasForeignKey(r => r.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(r => r.MatchedVillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<HomeCheckTask>().WithMany().HasForeignKey(r => r.HomeCheckTaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
