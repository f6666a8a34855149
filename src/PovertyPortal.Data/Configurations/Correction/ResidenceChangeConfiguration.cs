using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class ResidenceChangeConfiguration : IEntityTypeConfiguration<ResidenceChange>
{
    public void Configure(EntityTypeBuilder<ResidenceChange> builder)
    {
        builder.Property(r => r.NewAddress).HasMaxLength(200);
        builder.Property(r => r.NewCountyBureau).HasMaxLength(100);
        builder.Property(r => r.Reason).HasMaxLength(500);
        builder.Property(r => r.OfficeOpinion).HasMaxLength(500);
        builder.Property(r => r.NewCountyConsentReference).HasMaxLength(100);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.Property(r => r.RefusalReason).HasMaxLength(500);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => r.SubjectId);
        builder.HasIndex(r => new { r.CountyId, r.Status });
        builder.HasOne<CorrectionSubject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
