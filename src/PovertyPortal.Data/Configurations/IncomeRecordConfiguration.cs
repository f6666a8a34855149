using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;

namespace PovertyPortal.Data.Configurations;

public sealed class IncomeRecordConfiguration : IEntityTypeConfiguration<IncomeRecord>
{
    public void Configure(EntityTypeBuilder<IncomeRecord> builder)
    {
        foreach (var amount in new[] { nameof(IncomeRecord.WageIncome), nameof(IncomeRecord.OperatingIncome), nameof(IncomeRecord.PropertyIncome),
                     nameof(IncomeRecord.TransferIncome), nameof(IncomeRecord.ProductionCosts), nameof(IncomeRecord.MeasuredNet),
                     nameof(IncomeRecord.ProjectedNet), nameof(IncomeRecord.AnnualNet), nameof(IncomeRecord.NetIncomePerCapita) })
        {
            builder.Property<decimal>(amount).HasPrecision(14, 2);
        }
        builder.Property(r => r.MemberYears).HasPrecision(6, 2);
        builder.Property(r => r.Note).HasMaxLength(200);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(r => new { r.HouseholdId, r.Year }).IsUnique();
        // The income-flag filters of the household list: a year's records of the scope, by per-capita income.
        builder.HasIndex(r => new { r.CountyId, r.Year, r.NetIncomePerCapita });
        builder.HasIndex(r => new { r.VillageId, r.Year });
        // The dashboard's income figures per village (recorded, below and near the line, and exited-but-below, which
        // looks up each household below the line) for a county or one township, read from the index alone in the
        // order of their GROUP BY.
        builder.HasIndex(r => new { r.CountyId, r.Year, r.TownshipId, r.VillageId, r.NetIncomePerCapita, r.HouseholdId });
        // The income line of one township (median and 10th percentile) walks its year's records in income order.
        builder.HasIndex(r => new { r.TownshipId, r.Year, r.NetIncomePerCapita });
        builder.HasOne<Household>().WithMany().HasForeignKey(r => r.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
