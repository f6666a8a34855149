using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class ChecklistItemConfiguration : IEntityTypeConfiguration<ChecklistItem>
{
    public void Configure(EntityTypeBuilder<ChecklistItem> builder)
    {
        builder.Property(i => i.Text).HasMaxLength(500);
        builder.Property(i => i.Guidance).HasMaxLength(1000);
        builder.Ignore(i => i.Number);
        builder.HasIndex(i => new { i.InspectionRoundId, i.Area, i.Order });
        builder.HasOne<ChecklistTemplateItem>().WithMany().HasForeignKey(i => i.TemplateItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
