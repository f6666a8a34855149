using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.Property(b => b.UserName).HasMaxLength(256);
        builder.Property(b => b.FileName).HasMaxLength(260);
        builder.HasIndex(b => b.At);
    }
}
