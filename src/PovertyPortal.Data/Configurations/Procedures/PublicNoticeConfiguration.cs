using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Data.Configurations.Procedures;

public sealed class PublicNoticeConfiguration : IEntityTypeConfiguration<PublicNotice>
{
    public void Configure(EntityTypeBuilder<PublicNotice> builder)
    {
        builder.Property(n => n.Contact).HasMaxLength(200);
        builder.Property(n => n.PostedBy).HasMaxLength(256);
        builder.Property(n => n.CreatedBy).HasMaxLength(256);
        builder.Property(n => n.UpdatedBy).HasMaxLength(256);
        builder.Ignore(n => n.BatchLabel);
        builder.Ignore(n => n.Days);

        // A village numbers its notices per year; two officials posting at once cannot both take a number.
        builder.HasIndex(n => new { n.VillageId, n.Year, n.Batch }).IsUnique();
        builder.HasIndex(n => new { n.CountyId, n.TownshipId, n.EndsOn });

        builder.HasOne<County>().WithMany().HasForeignKey(n => n.CountyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Township>().WithMany().HasForeignKey(n => n.TownshipId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Village>().WithMany().HasForeignKey(n => n.VillageId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.Objections).WithOne().HasForeignKey(o => o.PublicNoticeId).OnDelete(DeleteBehavior.Cascade);
    }
}
