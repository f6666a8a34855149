using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class InspectionAnswerConfiguration : IEntityTypeConfiguration<InspectionAnswer>
{
    public void Configure(EntityTypeBuilder<InspectionAnswer> builder)
    {
        builder.Property(a => a.Number).HasPrecision(14, 2);
        builder.Property(a => a.Text).HasMaxLength(2000);
        builder.Property(a => a.Note).HasMaxLength(2000);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        // One answer per item and place; saving item by item finds it by these.
        builder.HasIndex(a => new { a.InspectionPairId, a.HouseholdId, a.VillageId, a.ChecklistItemId });
        builder.HasIndex(a => new { a.InspectionRoundId, a.ChecklistItemId, a.Compliance });
        builder.HasOne<InspectionPair>().WithMany().HasForeignKey(a => a.InspectionPairId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ChecklistItem>().WithMany().HasForeignKey(a => a.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
