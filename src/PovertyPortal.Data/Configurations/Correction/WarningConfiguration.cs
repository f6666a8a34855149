using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> builder)
    {
        builder.ToTable("CorrectionWarnings");
        builder.Property(w => w.Facts).HasMaxLength(2000);
        builder.Property(w => w.Evidence).HasMaxLength(2000);
        builder.Property(w => w.DecisionNumber).HasMaxLength(100);
        builder.Property(w => w.CreatedBy).HasMaxLength(256);
        builder.Property(w => w.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(w => new { w.SubjectId, w.IssuedOn });
        builder.HasIndex(w => new { w.CountyId, w.IssuedOn });
        builder.HasOne<CorrectionSubject>().WithMany().HasForeignKey(w => w.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
