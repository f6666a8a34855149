using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class SupervisionRecordConfiguration : IEntityTypeConfiguration<SupervisionRecord>
{
    public void Configure(EntityTypeBuilder<SupervisionRecord> builder)
    {
        builder.Property(r => r.Hours).HasPrecision(5, 1);
        builder.Property(r => r.Content).HasMaxLength(1000);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        // A case's records by kind and date (the case page). The month's hours of a county (task list, statistics) are
        // read from the second index alone: it carries every column that query reads, so no row is looked up.
        builder.HasIndex(r => new { r.SubjectId, r.Kind, r.Date });
        builder.HasIndex(r => new { r.CountyId, r.Kind, r.Date, r.TownshipId, r.SubjectId, r.Hours });
        builder.HasOne<CorrectionSubject>().WithMany().HasForeignKey(r => r.SubjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
