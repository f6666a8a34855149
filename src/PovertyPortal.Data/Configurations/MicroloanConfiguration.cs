using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Microloans;

namespace PovertyPortal.Data.Configurations;

public sealed class MicroloanConfiguration : IEntityTypeConfiguration<Microloan>
{
    public void Configure(EntityTypeBuilder<Microloan> builder)
    {
        builder.Property(l => l.Principal).HasPrecision(14, 2);
        builder.Property(l => l.InterestSubsidy).HasPrecision(14, 2);
        builder.Property(l => l.Repaid).HasPrecision(14, 2);
        builder.Property(l => l.Lender).HasMaxLength(100);
        builder.Property(l => l.Note).HasMaxLength(200);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.Ignore(l => l.Outstanding);
        builder.HasIndex(l => new { l.VillageId, l.StartDate });
        builder.HasIndex(l => new { l.CountyId, l.TownshipId, l.DueDate });
        builder.HasIndex(l => l.HouseholdId);
        builder.HasOne<Household>().WithMany().HasForeignKey(l => l.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
