using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Data.Configurations;

public sealed class DataCheckFindingConfiguration : IEntityTypeConfiguration<DataCheckFinding>
{
    public void Configure(EntityTypeBuilder<DataCheckFinding> builder)
    {
        builder.Property(f => f.RuleCode).HasMaxLength(16);
        builder.Property(f => f.SubjectKey).HasMaxLength(32);
        builder.Property(f => f.Subject).HasMaxLength(200);
        builder.Property(f => f.Detail).HasMaxLength(500);
        builder.Ignore(f => f.IsOpen);
        // A run reads the open findings of one rule in its area; the list filters by area, then rule or state.
        builder.HasIndex(f => new { f.CountyId, f.RuleCode, f.ResolvedAt });
        builder.HasIndex(f => new { f.CountyId, f.TownshipId, f.VillageId, f.ResolvedAt });
        builder.HasIndex(f => f.HouseholdId);
        builder.HasOne<Problem>().WithMany().HasForeignKey(f => f.ProblemId).OnDelete(DeleteBehavior.Restrict);
    }
}
