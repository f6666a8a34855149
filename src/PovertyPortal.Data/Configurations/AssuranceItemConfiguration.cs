using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class AssuranceItemConfiguration : IEntityTypeConfiguration<AssuranceItem>
{
    public void Configure(EntityTypeBuilder<AssuranceItem> builder)
    {
        builder.Property(i => i.Evidence).HasMaxLength(200);
        builder.Property(i => i.CheckedBy).HasMaxLength(50);
        builder.HasIndex(i => new { i.AssuranceCheckId, i.Kind }).IsUnique();
        // Households failing an item, per village (dashboard): sought per kind for Met = false, and covering the village
        // and the check, so the few failing items are counted without reading the 9 × households rows of the table.
        builder.HasIndex(i => new { i.CountyId, i.Kind, i.Met, i.TownshipId, i.VillageId, i.AssuranceCheckId });
    }
}
