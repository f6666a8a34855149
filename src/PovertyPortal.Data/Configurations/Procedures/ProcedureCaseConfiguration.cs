using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Data.Configurations.Procedures;

public sealed class ProcedureCaseConfiguration : IEntityTypeConfiguration<ProcedureCase>
{
    public void Configure(EntityTypeBuilder<ProcedureCase> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(1000);
        builder.Property(c => c.Evidence).HasMaxLength(1000);
        builder.Property(c => c.ProposedBy).HasMaxLength(256);
        builder.Property(c => c.ReviewAttendance).HasMaxLength(500);
        builder.Property(c => c.VillageReviewBy).HasMaxLength(256);
        builder.Property(c => c.TownshipReviewBy).HasMaxLength(256);
        builder.Property(c => c.TownshipOpinion).HasMaxLength(500);
        builder.Property(c => c.CountyDecisionBy).HasMaxLength(256);
        builder.Property(c => c.CountyOpinion).HasMaxLength(500);
        builder.Property(c => c.RevisionRequest).HasMaxLength(500);
        builder.Property(c => c.ClosingReason).HasMaxLength(600);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Ignore(c => c.Title);
        builder.Ignore(c => c.IsOpen);

        // The task list: open cases of an area by stage and due day; a household's cases on its page.
        builder.HasIndex(c => new { c.CountyId, c.TownshipId, c.VillageId, c.Stage, c.DueOn });
        builder.HasIndex(c => new { c.CountyId, c.Stage, c.DueOn });
        builder.HasIndex(c => c.HouseholdId);
        builder.HasIndex(c => c.PublicNoticeId);

        builder.HasOne<County>().WithMany().HasForeignKey(c => c.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(c => c.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.Notice).WithMany().HasForeignKey(c => c.PublicNoticeId).OnDelete(DeleteBehavior.Restrict);
    }
}
