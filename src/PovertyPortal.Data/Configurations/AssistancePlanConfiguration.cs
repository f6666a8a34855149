using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Configurations;

public sealed class AssistancePlanConfiguration : IEntityTypeConfiguration<AssistancePlan>
{
    public void Configure(EntityTypeBuilder<AssistancePlan> builder)
    {
        builder.Property(p => p.Measure).HasMaxLength(500);
        builder.Property(p => p.ResponsiblePerson).HasMaxLength(50);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasOne(p => p.Pairing).WithMany(p => p.Plans).HasForeignKey(p => p.PairingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.PairingId, p.Year });
    }
}
