using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Data.Configurations;

public sealed class CollectiveIncomeEntryConfiguration : IEntityTypeConfiguration<CollectiveIncomeEntry>
{
    public void Configure(EntityTypeBuilder<CollectiveIncomeEntry> builder)
    {
        builder.Property(c => c.Source).HasMaxLength(30);
        builder.Property(c => c.Amount).HasPrecision(14, 2);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.VillageId, c.Year, c.Source }).IsUnique();
        // The dashboard sums a county's villages for one year.
        builder.HasIndex(c => new { c.CountyId, c.Year });
        builder.HasOne<Village>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
