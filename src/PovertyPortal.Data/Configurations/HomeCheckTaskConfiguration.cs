using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class HomeCheckTaskConfiguration : IEntityTypeConfiguration<HomeCheckTask>
{
    public void Configure(EntityTypeBuilder<HomeCheckTask> builder)
    {
        // ResidentId and Item are encrypted (EncryptedColumns): their lengths are set there.
        builder.Property(t => t.PersonName).HasMaxLength(100);
        builder.Property(t => t.Fact).HasMaxLength(2000);
        builder.Property(t => t.Finding).HasMaxLength(1000);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.UpdatedBy).HasMaxLength(256);
        builder.Ignore(t => t.IsDone);
        // The task list of a village or township: open ones first, by due date.
        builder.HasIndex(t => new { t.CountyId, t.TownshipId, t.VillageId, t.DueOn });
        builder.HasOne(t => t.FeedBatch).WithMany().HasForeignKey(t => t.FeedBatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(t => t.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(t => t.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        // The member is who the department named when the task was made; no key, so that a member's removal from the
        // register is not held up by the tasks that once named them.
    }
}
