using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Inspections;

namespace PovertyPortal.Data.Configurations;

public sealed class InspectionRoundConfiguration : IEntityTypeConfiguration<InspectionRound>
{
    public void Configure(EntityTypeBuilder<InspectionRound> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.Ignore(r => r.Quota);
        builder.Ignore(r => r.IsEditable);
        builder.HasIndex(r => new { r.CountyId, r.Year, r.StartDate });
        builder.HasOne<County>().WithMany().HasForeignKey(r => r.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Pairs).WithOne(p => p.InspectionRound).HasForeignKey(p => p.InspectionRoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Checklist).WithOne().HasForeignKey(i => i.InspectionRoundId).OnDelete(DeleteBehavior.Cascade);
    }
}
