using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class SampledHouseholdConfiguration : IEntityTypeConfiguration<SampledHousehold>
{
    public void Configure(EntityTypeBuilder<SampledHousehold> builder)
    {
        builder.Property(s => s.Reason).HasMaxLength(500);
        builder.Property(s => s.WithdrawnReason).HasMaxLength(500);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Ignore(s => s.IsHandPicked);
        // A group's sample and its progress (done / sampled) per village.
        builder.HasIndex(s => new { s.InspectionPairId, s.VillageId, s.IsWithdrawn, s.CompletedAt });
        builder.HasIndex(s => new { s.InspectionRoundId, s.HouseholdId });
        // "Inspected in an earlier round": the draw's no-repeat reads households of the county's rounds.
        builder.HasIndex(s => new { s.CountyId, s.HouseholdId });
        builder.HasOne<InspectionRound>().WithMany().HasForeignKey(s => s.InspectionRoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<InspectionPair>().WithMany().HasForeignKey(s => s.InspectionPairId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Village>().WithMany().HasForeignKey(s => s.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(s => s.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
