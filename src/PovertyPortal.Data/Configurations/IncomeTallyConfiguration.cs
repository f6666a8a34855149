using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Dashboard;

namespace PovertyPortal.Data.Configurations;

public sealed class IncomeTallyConfiguration : IEntityTypeConfiguration<IncomeTally>
{
    public void Configure(EntityTypeBuilder<IncomeTally> builder)
    {
        // The key is what a recount replaces: one village's year (DashboardTallies).
        builder.HasKey(t => new { t.VillageId, t.Year, t.Band });
        // The income line reads every year's bands of a county (or township) from this index alone.
        builder.HasIndex(t => new { t.CountyId, t.Year, t.Band, t.TownshipId, t.Records })
            .HasDatabaseName("IX_IncomeTallies_Dashboard");
    }
}
