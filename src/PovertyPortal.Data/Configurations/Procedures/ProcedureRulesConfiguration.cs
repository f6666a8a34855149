using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Data.Configurations.Procedures;

public sealed class ProcedureRulesConfiguration : IEntityTypeConfiguration<ProcedureRules>
{
    public void Configure(EntityTypeBuilder<ProcedureRules> builder)
    {
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(r => r.CountyId).IsUnique();
        builder.HasOne<County>().WithMany().HasForeignKey(r => r.CountyId).OnDelete(DeleteBehavior.Restrict);
    }
}
