using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Reconciliation;

namespace PovertyPortal.Data.Configurations;

public sealed class ReconciliationSourceConfiguration : IEntityTypeConfiguration<ReconciliationSource>
{
    public void Configure(EntityTypeBuilder<ReconciliationSource> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(50);
        builder.Property(s => s.Mapping).HasMaxLength(4000);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.CountyId, s.Kind, s.Name }).IsUnique();
        builder.HasOne<County>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
