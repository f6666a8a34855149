using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Data.Configurations;

public sealed class DataCheckRunConfiguration : IEntityTypeConfiguration<DataCheckRun>
{
    public void Configure(EntityTypeBuilder<DataCheckRun> builder)
    {
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Error).HasMaxLength(1000);
        builder.HasIndex(r => new { r.CountyId, r.StartedAt });
    }
}
