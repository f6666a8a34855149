using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class VillageConfiguration : IEntityTypeConfiguration<Village>
{
    public void Configure(EntityTypeBuilder<Village> builder)
    {
        builder.Property(v => v.AdminCode).HasMaxLength(12).IsFixedLength();
        builder.Property(v => v.Name).HasMaxLength(50);
        builder.HasIndex(v => v.AdminCode).IsUnique();
        builder.HasIndex(v => new { v.CountyId, v.TownshipId });
        builder.HasOne(v => v.Township).WithMany(t => t.Villages).HasForeignKey(v => v.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(v => v.County).WithMany().HasForeignKey(v => v.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
