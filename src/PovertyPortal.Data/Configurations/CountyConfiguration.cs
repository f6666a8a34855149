using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Data.Configurations;

public sealed class CountyConfiguration : IEntityTypeConfiguration<County>
{
    public void Configure(EntityTypeBuilder<County> builder)
    {
        builder.Property(c => c.AdminCode).HasMaxLength(12).IsFixedLength();
        builder.Property(c => c.Name).HasMaxLength(50);
        builder.Property(c => c.Province).HasMaxLength(50);
        builder.HasIndex(c => c.AdminCode).IsUnique();
    }
}
