using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Configurations;

public sealed class WorkTeamConfiguration : IEntityTypeConfiguration<WorkTeam>
{
    public void Configure(EntityTypeBuilder<WorkTeam> builder)
    {
        builder.Property(t => t.DispatchingUnit).HasMaxLength(100);
        builder.Property(t => t.AppointedBy).HasMaxLength(100);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.VillageId, t.StartDate });
        builder.HasOne<Village>().WithMany().HasForeignKey(t => t.VillageId).OnDelete(DeleteBehavior.Restrict);
    }
}
