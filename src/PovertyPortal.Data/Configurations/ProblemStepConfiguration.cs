using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Data.Configurations;

public sealed class ProblemStepConfiguration : IEntityTypeConfiguration<ProblemStep>
{
    public void Configure(EntityTypeBuilder<ProblemStep> builder)
    {
        builder.Property(s => s.ByUserId).HasMaxLength(450);
        builder.Property(s => s.ByName).HasMaxLength(100);
        builder.Property(s => s.ByRole).HasMaxLength(32);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.HasIndex(s => new { s.ProblemId, s.At });
    }
}
