using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Benefits;

namespace PovertyPortal.Data.Configurations;

public sealed class BenefitProgramConfiguration : IEntityTypeConfiguration<BenefitProgram>
{
    public void Configure(EntityTypeBuilder<BenefitProgram> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(40);
        builder.Property(p => p.Name).HasMaxLength(50);
        builder.Property(p => p.Unit).HasMaxLength(10);
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasIndex(p => p.Name).IsUnique();
        builder.HasData(BenefitLabels.Defaults.Select(d => new BenefitProgram
        {
            Id = d.Id, Code = d.Code, Name = d.Name, Group = d.Group, Unit = d.Unit, SortOrder = d.Id * 10,
            CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), CreatedBy = "system",
        }));
    }
}
