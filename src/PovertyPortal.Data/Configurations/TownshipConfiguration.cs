using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class TownshipConfiguration : IEntityTypeConfiguration<Township>
{
    public void Configure(EntityTypeBuilder<Township> builder)
    {
        builder.Property(t => t.AdminCode).HasMaxLength(12).IsFixedLength();
        builder.Property(t => t.Name).HasMaxLength(50);
        builder.HasIndex(t => t.AdminCode).IsUnique();
        builder.HasOne(t => t.County).WithMany(c => c.Townships).HasForeignKey(t => t.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
