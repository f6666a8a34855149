using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class HouseholdStatusChangeConfiguration : IEntityTypeConfiguration<HouseholdStatusChange>
{
    public void Configure(EntityTypeBuilder<HouseholdStatusChange> builder)
    {
        builder.Property(s => s.Reason).HasMaxLength(200);
        builder.HasIndex(s => new { s.HouseholdId, s.EffectiveOn });
        builder.HasIndex(s => new { s.VillageId, s.Status, s.Year });
        builder.HasOne(s => s.ProcedureCase).WithMany().HasForeignKey(s => s.ProcedureCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
