using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.Property(h => h.HouseholdNumber).HasMaxLength(32);
        builder.Property(h => h.Address).HasMaxLength(200);
        // Phone is encrypted: Encryption/EncryptedColumns.cs.
        builder.Property(h => h.RelocationSite).HasMaxLength(100);
        builder.Property(h => h.CreatedBy).HasMaxLength(256);
        builder.Property(h => h.UpdatedBy).HasMaxLength(256);
        builder.Property(h => h.Version).IsConcurrencyToken();

        builder.HasIndex(h => new { h.CountyId, h.HouseholdNumber }).IsUnique();
        builder.HasIndex(h => new { h.TownshipId, h.VillageId });
        builder.HasIndex(h => new { h.VillageId, h.Status });

        // The household list (docs/benchmarks.md): every index leads with the scope columns the list repeats.
        // A township official's list in household-number order, and its total.
        builder.HasIndex(h => new { h.CountyId, h.TownshipId, h.HouseholdNumber });
        // Sorting by status either way and filtering by status, already in household-number order.
        builder.HasIndex(h => new { h.CountyId, h.Status, h.HouseholdNumber });
        // The totals of category (+ status) and exit-year filters without reading the rows; an exit year's page already
        // in household-number order (without it SQLite read a year's 40,000-odd rows and sorted them: 60-80 ms).
        builder.HasIndex(h => new { h.CountyId, h.Category, h.Status });
        builder.HasIndex(h => new { h.CountyId, h.ExitYear, h.HouseholdNumber });
        // The county dashboard (docs/benchmarks.md, issue 8): each figure group reads one covering index and never the rows.
        // Registered/exited/remaining households and their people per village and category, in the order of the
        // grouping (township, village, category), for a county and for one township alike.
        builder.HasIndex(h => new { h.CountyId, h.TownshipId, h.VillageId, h.Category, h.Status, h.IdentificationYear, h.ExitYear, h.LivingMembers })
            .HasDatabaseName("IX_Households_Dashboard_Registry");
        // Primary causes of a county's registered households, read per status already in cause order (no sort).
        builder.HasIndex(h => new { h.CountyId, h.Status, h.PrimaryCause, h.IdentificationYear }).HasDatabaseName("IX_Households_Dashboard_Causes");
        // Exits per year: the exited households of a county in exit-year order, with the township for a township's view;
        // with the Id, PostgreSQL also answers "is this household exited" for the dashboard's exited-but-below count from
        // the index alone (SQLite's index entries carry the row id anyway).
        builder.HasIndex(h => new { h.CountyId, h.Status, h.ExitYear, h.TownshipId, h.Id }).HasDatabaseName("IX_Households_Dashboard_Exits");
        // Monitored households only (MonitoringType not null is a range of this index), with their dates.
        builder.HasIndex(h => new { h.CountyId, h.MonitoringType, h.TownshipId, h.VillageId, h.MonitoringIdentifiedOn, h.RiskEliminatedOn })
            .HasDatabaseName("IX_Households_Dashboard_Monitoring");
        // Household-number prefix search on PostgreSQL (LIKE 'x%' needs a pattern index outside the C collation).
        builder.HasIndex(h => h.HouseholdNumber).HasOperators("text_pattern_ops");

        builder.HasOne<County>().WithMany().HasForeignKey(h => h.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(h => h.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(h => h.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<VillageGroup>().WithMany().HasForeignKey(h => h.VillageGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.StatusHistory).WithOne().HasForeignKey(s => s.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
