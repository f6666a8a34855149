using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class VillageProfileConfiguration : IEntityTypeConfiguration<VillageProfile>
{
    public void Configure(EntityTypeBuilder<VillageProfile> builder)
    {
        builder.HasIndex(p => new { p.VillageId, p.Year }).IsUnique();
        builder.HasOne(p => p.Village).WithMany(v => v.Profiles).HasForeignKey(p => p.VillageId).OnDelete(DeleteBehavior.Restrict);
        foreach (var area in new[] { nameof(VillageProfile.AreaSquareKm), nameof(VillageProfile.ForestMu), nameof(VillageProfile.ArableMu), nameof(VillageProfile.PaddyMu) })
        {
            builder.Property(area).HasPrecision(12, 2);
        }
        builder.Property(p => p.CollectiveIncome).HasPrecision(14, 2);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
