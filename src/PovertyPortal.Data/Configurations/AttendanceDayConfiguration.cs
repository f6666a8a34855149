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
        // The dashboard's 五天四夜 counts days and nights per member and week of a county or township: these cover it
        // in the order of its GROUP BY (Week, WorkTeamMemberId), so the rows are counted from the index alone.
        builder.HasIndex(a => new { a.CountyId, a.Week, a.WorkTeamMemberId, a.StayedNight });
        builder.HasIndex(a => new { a.TownshipId, a.Week, a.WorkTeamMemberId, a.StayedNight });
        builder.HasOne(a => a.WorkTeamMember).WithMany().HasForeignKey(a => a.WorkTeamMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<WorkTeam>().WithMany().HasForeignKey(a => a.WorkTeamId).OnDelete(DeleteBehavior.Restrict);
    }
}
