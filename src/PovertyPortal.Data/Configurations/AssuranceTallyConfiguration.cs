using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Dashboard;

namespace PovertyPortal.Data.Configurations;

public sealed class AssuranceTallyConfiguration : IEntityTypeConfiguration<AssuranceTally>
{
    public void Configure(EntityTypeBuilder<AssuranceTally> builder)
    {
        // The key is what a recount replaces: one village's year (DashboardTallies).
        builder.HasKey(t => new { t.VillageId, t.Year, t.FailedItems });
        // The dashboard reads a county's (or township's) year from this index alone.
        builder.HasIndex(t => new { t.CountyId, t.Year, t.TownshipId, t.VillageId, t.FailedItems, t.Checks })
            .HasDatabaseName("IX_AssuranceTallies_Dashboard");
    }
}
