using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class ChecklistTemplateItemConfiguration : IEntityTypeConfiguration<ChecklistTemplateItem>
{
    public void Configure(EntityTypeBuilder<ChecklistTemplateItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(500);
        builder.Property(i => i.Guidance).HasMaxLength(1000);
        builder.Property(i => i.CreatedBy).HasMaxLength(256);
        builder.Property(i => i.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(i => new { i.CountyId, i.Area, i.Order });
        builder.HasOne<County>().WithMany().HasForeignKey(i => i.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
