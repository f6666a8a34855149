using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Configurations;

public sealed class WorkLogConfiguration : IEntityTypeConfiguration<WorkLog>
{
    public void Configure(EntityTypeBuilder<WorkLog> builder)
    {
        builder.Property(l => l.Participants).HasMaxLength(200);
        builder.Property(l => l.Summary).HasMaxLength(2000);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        // Counting by type and year per village reads this index only.
        builder.HasIndex(l => new { l.VillageId, l.Date, l.Type });
        builder.HasOne<Village>().WithMany().HasForeignKey(l => l.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkTeam>().WithMany().HasForeignKey(l => l.WorkTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
