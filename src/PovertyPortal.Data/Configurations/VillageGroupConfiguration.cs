using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class VillageGroupConfiguration : IEntityTypeConfiguration<VillageGroup>
{
    public void Configure(EntityTypeBuilder<VillageGroup> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(50);
        builder.HasIndex(g => new { g.VillageId, g.Name }).IsUnique();
        builder.HasOne(g => g.Village).WithMany(v => v.Groups).HasForeignKey(g => g.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
