using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class CorrectionProposalConfiguration : IEntityTypeConfiguration<CorrectionProposal>
{
    public void Configure(EntityTypeBuilder<CorrectionProposal> builder)
    {
        builder.Property(p => p.Ground).HasMaxLength(200);
        builder.Property(p => p.Facts).HasMaxLength(2000);
        builder.Property(p => p.SubmittedTo).HasMaxLength(100);
        builder.Property(p => p.DocumentNumber).HasMaxLength(100);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(p => new { p.SubjectId, p.ProposedOn });
        builder.HasIndex(p => new { p.CountyId, p.DecidedOn });
        builder.HasOne<CorrectionSubject>().WithMany().HasForeignKey(p => p.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
