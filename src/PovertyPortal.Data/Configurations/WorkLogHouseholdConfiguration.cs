using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Configurations;

public sealed class WorkLogHouseholdConfiguration : IEntityTypeConfiguration<WorkLogHousehold>
{
    public void Configure(EntityTypeBuilder<WorkLogHousehold> builder)
    {
        builder.HasOne(v => v.WorkLog).WithMany(l => l.Households).HasForeignKey(v => v.WorkLogId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(v => new { v.WorkLogId, v.HouseholdId }).IsUnique();
        builder.HasIndex(v => v.HouseholdId);
    }
}
