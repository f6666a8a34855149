using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class BenefitRecordConfiguration : IEntityTypeConfiguration<BenefitRecord>
{
    public void Configure(EntityTypeBuilder<BenefitRecord> builder)
    {
        builder.Property(b => b.Amount).HasPrecision(14, 2);
        builder.Property(b => b.Quantity).HasPrecision(12, 2);
        builder.Property(b => b.Unit).HasMaxLength(10);
        builder.Property(b => b.Note).HasMaxLength(200);
        builder.Property(b => b.CreatedBy).HasMaxLength(256);
        builder.Property(b => b.UpdatedBy).HasMaxLength(256);
        // The per-village sums of the report: one village's year, grouped by program.
        builder.HasIndex(b => new { b.VillageId, b.Year, b.ProgramId });
        builder.HasIndex(b => new { b.CountyId, b.Year, b.ProgramId });
        builder.HasIndex(b => new { b.HouseholdId, b.Year });
        builder.HasOne(b => b.Program).WithMany().HasForeignKey(b => b.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(b => b.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(b => b.MemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(b => b.ImportBatchId).OnDelete(DeleteBehavior.Restrict);
    }
}
