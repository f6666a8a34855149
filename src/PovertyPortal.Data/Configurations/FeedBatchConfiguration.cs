using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Feeds;

namespace PovertyPortal.Data.Configurations;

public sealed class FeedBatchConfiguration : IEntityTypeConfiguration<FeedBatch>
{
    public void Configure(EntityTypeBuilder<FeedBatch> builder)
    {
        builder.Property(b => b.Name).HasMaxLength(50);
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.Property(b => b.Mapping).HasMaxLength(4000);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.UpdatedBy).HasMaxLength(256);
        builder.Ignore(b => b.Title);
        // One list per department (or named 其他 list) and month in a county, whoever uploaded it.
        builder.HasIndex(b => new { b.CountyId, b.Department, b.Name, b.Year, b.Month }).IsUnique();
        builder.HasOne<County>().WithMany().HasForeignKey(b => b.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(b => b.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(b => b.Rows).WithOne().HasForeignKey(r => r.FeedBatchId).OnDelete(DeleteBehavior.Cascade);
    }
}
