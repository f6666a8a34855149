using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class AssuranceCheckConfiguration : IEntityTypeConfiguration<AssuranceCheck>
{
    public void Configure(EntityTypeBuilder<AssuranceCheck> builder)
    {
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.HouseholdId, c.Year }).IsUnique();
        builder.HasIndex(c => new { c.VillageId, c.Year });
        // The dashboard's households checked per village: a county's year read from the index alone, in group order.
        builder.HasIndex(c => new { c.CountyId, c.Year, c.TownshipId, c.VillageId }).HasDatabaseName("IX_AssuranceChecks_Dashboard");
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.AssuranceCheckId).OnDelete(DeleteBehavior.Cascade);
    }
}
