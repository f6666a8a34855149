using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Data.Configurations;

public sealed class ProblemEvidenceConfiguration : IEntityTypeConfiguration<ProblemEvidence>
{
    public void Configure(EntityTypeBuilder<ProblemEvidence> builder)
    {
        builder.Property(e => e.Text).HasMaxLength(2000);
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.Property(e => e.ByName).HasMaxLength(100);
        builder.HasIndex(e => new { e.ProblemId, e.At });
        builder.HasOne<Attachment>().WithMany().HasForeignKey(e => e.AttachmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
