using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class InspectionPairConfiguration : IEntityTypeConfiguration<InspectionPair>
{
    public void Configure(EntityTypeBuilder<InspectionPair> builder)
    {
        builder.Ignore(p => p.Townships);
        // A township is inspected once per round.
        builder.HasIndex(p => new { p.InspectionRoundId, p.InspectedTownshipId }).IsUnique();
        builder.HasIndex(p => new { p.InspectionRoundId, p.InspectingTownshipId });
        builder.HasOne<Township>().WithMany().HasForeignKey(p => p.InspectingTownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(p => p.InspectedTownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Group).WithOne().HasForeignKey(m => m.InspectionPairId).OnDelete(DeleteBehavior.Cascade);
    }
}
