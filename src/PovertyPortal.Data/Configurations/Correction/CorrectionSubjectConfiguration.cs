using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class CorrectionSubjectConfiguration : IEntityTypeConfiguration<CorrectionSubject>
{
    public void Configure(EntityTypeBuilder<CorrectionSubject> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(50);
        builder.Property(s => s.Address).HasMaxLength(200);
        builder.Property(s => s.CaseOfficerUserId).HasMaxLength(450);
        builder.Property(s => s.Crime).HasMaxLength(100);
        builder.Property(s => s.Sentence).HasMaxLength(200);
        builder.Property(s => s.DecisionOrganName).HasMaxLength(100);
        builder.Property(s => s.CaseNumber).HasMaxLength(100);
        builder.Property(s => s.EntrustingOrganName).HasMaxLength(100);
        builder.Property(s => s.AssessmentTeam).HasMaxLength(200);
        builder.Property(s => s.AssessmentExtensionReason).HasMaxLength(500);
        foreach (var finding in new[] { nameof(CorrectionSubject.ResidenceFinding), nameof(CorrectionSubject.FamilyFinding),
            nameof(CorrectionSubject.ConductFinding), nameof(CorrectionSubject.OffenceImpactFinding),
            nameof(CorrectionSubject.CommunityAndVictimOpinion), nameof(CorrectionSubject.ProposedProhibitions),
            nameof(CorrectionSubject.Plan), nameof(CorrectionSubject.Appraisal) })
        {
            builder.Property(finding).HasMaxLength(2000);
        }
        builder.Property(s => s.SearchNote).HasMaxLength(1000);
        builder.Property(s => s.CertificateNumber).HasMaxLength(100);
        builder.Property(s => s.TerminationNote).HasMaxLength(1000);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Ignore(s => s.IsActive);

        // The case list and the task list: scope columns first (the filter repeats them), then the stage.
        builder.HasIndex(s => new { s.CountyId, s.TownshipId, s.Stage });
        builder.HasIndex(s => new { s.CountyId, s.Stage });

        builder.HasMany(s => s.GroupMembers).WithOne().HasForeignKey(m => m.SubjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<County>().WithMany().HasForeignKey(s => s.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(s => s.TownshipId).OnDelete(DeleteBehavior.Restrict);
    }
}
