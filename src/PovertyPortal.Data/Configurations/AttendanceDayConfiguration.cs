using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Configurations;

public sealed class AttendanceDayConfiguration : IEntityTypeConfiguration<AttendanceDay>
{
    public void Configure(EntityTypeBuilder<AttendanceDay> builder)
    {
        builder.Property(a => a.Note).HasMaxLength(200);
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.Property(a => a.UpdatedBy).HasMaxLength(256);
        // One row per member and day: recording a day again corrects it.
        builder.HasIndex(a => new { a.WorkTeamMemberId, a.Date }).IsUnique();
        // Compliance of a village or county over a period reads by area and date.
        builder.HasIndex(a => new { a.VillageId, a.Date });
        builder.HasOne(a => a.WorkTeamMember).WithMany().HasForeignKey(a => a.WorkTeamMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkTeam>().WithMany().HasForeignKey(a => a.WorkTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
