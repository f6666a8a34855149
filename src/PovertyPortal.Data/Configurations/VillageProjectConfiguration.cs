using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Data.Configurations;

public sealed class VillageProjectConfiguration : IEntityTypeConfiguration<VillageProject>
{
    public void Configure(EntityTypeBuilder<VillageProject> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(100);
        builder.Property(p => p.Quantity).HasPrecision(14, 2);
        builder.Property(p => p.Investment).HasPrecision(14, 2);
        builder.Property(p => p.FundingSource).HasMaxLength(100);
        builder.Property(p => p.Note).HasMaxLength(500);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.VillageId, p.CompletionDate });
        builder.HasOne<Village>().WithMany().HasForeignKey(p => p.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
