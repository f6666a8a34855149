using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Reports;

namespace PovertyPortal.Data.Configurations;

public sealed class ReportProseVersionConfiguration : IEntityTypeConfiguration<ReportProseVersion>
{
    public void Configure(EntityTypeBuilder<ReportProseVersion> builder)
    {
        // The unique index makes two simultaneous saves of the same version number fail instead of both landing.
        builder.HasIndex(p => new { p.VillageId, p.Year, p.Version }).IsUnique();
        builder.HasOne<Village>().WithMany().HasForeignKey(p => p.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Introduction).HasMaxLength(ReportProseVersion.MaxParagraphLength);
        builder.Property(p => p.Practices).HasMaxLength(ReportProseVersion.MaxParagraphLength * 2);
        builder.Property(p => p.Closing).HasMaxLength(ReportProseVersion.MaxParagraphLength);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
    }
}
