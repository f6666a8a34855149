using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> builder)
    {
        builder.Property(f => f.ItemText).HasMaxLength(500);
        builder.Property(f => f.Description).HasMaxLength(2000);
        builder.Property(f => f.Evidence).HasMaxLength(2000);
        builder.Property(f => f.CreatedBy).HasMaxLength(256);
        builder.Property(f => f.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(f => f.InspectionAnswerId).IsUnique();
        builder.HasIndex(f => new { f.InspectionPairId, f.Disposition });
        builder.HasIndex(f => new { f.InspectionRoundId, f.TownshipId, f.Area });
        builder.HasOne<InspectionAnswer>().WithMany().HasForeignKey(f => f.InspectionAnswerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InspectionPair>().WithMany().HasForeignKey(f => f.InspectionPairId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.Problem).WithMany().HasForeignKey(f => f.ProblemId).OnDelete(DeleteBehavior.Restrict);
    }
}
