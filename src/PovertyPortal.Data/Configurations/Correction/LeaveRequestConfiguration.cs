using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class LeaveRequestConfiguration : IEntityTypeConfiguration<LeaveRequest>
{
    public void Configure(EntityTypeBuilder<LeaveRequest> builder)
    {
        builder.Property(l => l.Destination).HasMaxLength(200);
        builder.Property(l => l.Reason).HasMaxLength(500);
        builder.Property(l => l.Companion).HasMaxLength(50);
        builder.Property(l => l.ExceptionReason).HasMaxLength(500);
        builder.Property(l => l.OfficeOpinion).HasMaxLength(500);
        builder.Property(l => l.OfficeDecidedBy).HasMaxLength(100);
        builder.Property(l => l.CountyDecidedBy).HasMaxLength(100);
        builder.Property(l => l.RefusalReason).HasMaxLength(500);
        builder.Property(l => l.ExtensionReason).HasMaxLength(500);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.Property(l => l.Version).IsConcurrencyToken();
        builder.Ignore(l => l.Days);
        builder.Ignore(l => l.NeedsCounty);
        builder.HasIndex(l => new { l.SubjectId, l.From });
        // Open requests of a county (task list): those waiting for a decision or a return.
        builder.HasIndex(l => new { l.CountyId, l.Status, l.From });
        builder.HasOne<CorrectionSubject>().WithMany().HasForeignKey(l => l.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
