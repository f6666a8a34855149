using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Configurations;

public sealed class WorkTeamMemberConfiguration : IEntityTypeConfiguration<WorkTeamMember>
{
    public void Configure(EntityTypeBuilder<WorkTeamMember> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(50);
        builder.Property(m => m.Unit).HasMaxLength(100);
        // Phone is encrypted: Encryption/EncryptedColumns.cs.
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne(m => m.WorkTeam).WithMany(t => t.Members).HasForeignKey(m => m.WorkTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.UserId);
    }
}
