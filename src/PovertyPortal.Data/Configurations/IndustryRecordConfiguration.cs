using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Data.Configurations;

public sealed class IndustryRecordConfiguration : IEntityTypeConfiguration<IndustryRecord>
{
    public void Configure(EntityTypeBuilder<IndustryRecord> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(30);
        builder.Property(i => i.Quantity).HasPrecision(14, 2);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.Property(i => i.UpdatedBy).HasMaxLength(256);
        // One row per kind and year: a second entry for 花生 in 2018 would be counted twice.
        builder.HasIndex(i => new { i.VillageId, i.Year, i.Name }).IsUnique();
        builder.HasOne<Village>().WithMany().HasForeignKey(i => i.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
