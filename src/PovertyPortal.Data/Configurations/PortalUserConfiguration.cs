using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(50);
        builder.HasIndex(u => new { u.CountyId, u.TownshipId, u.VillageId });
        builder.HasOne<County>().WithMany().HasForeignKey(u => u.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(u => u.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(u => u.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
