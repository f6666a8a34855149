using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Data.Configurations;

public sealed class AuditLogEntryConfiguration : IEntityTypeConfiguration<AuditLogEntry>
{
    public void Configure(EntityTypeBuilder<AuditLogEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.RecordType).HasMaxLength(64);
        builder.Property(a => a.RecordId).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(500);
        builder.HasIndex(a => a.At);
    }
}
