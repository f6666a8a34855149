using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Dashboard;

namespace PovertyPortal.Data.Configurations;

public sealed class BenefitTallyConfiguration : IEntityTypeConfiguration<BenefitTally>
{
    public void Configure(EntityTypeBuilder<BenefitTally> builder)
    {
        // The key is what a recount replaces: one village's year (DashboardTallies).
        builder.HasKey(t => new { t.VillageId, t.Year, t.ProgramId });
        // The dashboard reads a county's (or township's) year from this index alone.
        builder.HasIndex(t => new { t.CountyId, t.Year, t.TownshipId, t.VillageId, t.ProgramId, t.Records, t.Households, t.AmountInFen })
            .HasDatabaseName("IX_BenefitTallies_Dashboard");
    }
}
