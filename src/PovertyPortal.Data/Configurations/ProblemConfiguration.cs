using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Data.Configurations;

public sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> builder)
    {
        builder.Property(p => p.SourceReference).HasMaxLength(100);
        builder.Property(p => p.ItemText).HasMaxLength(500);
        builder.Property(p => p.Description).HasMaxLength(2000);
        builder.Property(p => p.ResponsibleUnit).HasMaxLength(100);
        builder.Property(p => p.ResponsiblePerson).HasMaxLength(50);
        builder.Property(p => p.ResponsibleUserId).HasMaxLength(450);
        builder.Property(p => p.Measures).HasMaxLength(2000);
        builder.Property(p => p.FixedByUserId).HasMaxLength(450);
        builder.Property(p => p.FixedByName).HasMaxLength(100);
        builder.Property(p => p.FixedByRole).HasMaxLength(32);
        builder.Property(p => p.ClosedByUserId).HasMaxLength(450);
        builder.Property(p => p.ClosedByName).HasMaxLength(100);
        builder.Property(p => p.CheckNote).HasMaxLength(1000);
        builder.Property(p => p.RecheckNote).HasMaxLength(1000);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.IsOpen);

        // The ledger list (ListProblems): every index leads with the scope columns the filter repeats, then what the
        // list filters by; overdue and due-soon are a status set and a deadline range (ProblemDue), so status then deadline.
        builder.HasIndex(p => new { p.CountyId, p.TownshipId, p.VillageId, p.Status, p.Deadline });
        builder.HasIndex(p => new { p.CountyId, p.Status, p.Deadline });
        builder.HasIndex(p => new { p.CountyId, p.ResponsibleUserId, p.Status });
        builder.HasIndex(p => new { p.CountyId, p.Status, p.RecheckDueOn });
        builder.HasIndex(p => p.HouseholdId);

        builder.HasOne<County>().WithMany().HasForeignKey(p => p.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(p => p.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(p => p.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Steps).WithOne().HasForeignKey(s => s.ProblemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Extensions).WithOne().HasForeignKey(e => e.ProblemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Evidence).WithOne().HasForeignKey(e => e.ProblemId).OnDelete(DeleteBehavior.Cascade);
    }
}
