using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class HamletConfiguration : IEntityTypeConfiguration<Hamlet>
{
    public void Configure(EntityTypeBuilder<Hamlet> builder)
    {
        builder.Property(h => h.Name).HasMaxLength(50);
        builder.HasIndex(h => new { h.VillageId, h.Name }).IsUnique();
        builder.HasOne(h => h.Village).WithMany(v => v.Hamlets).HasForeignKey(h => h.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
