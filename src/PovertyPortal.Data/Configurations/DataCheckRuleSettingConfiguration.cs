using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Data.Configurations;

public sealed class DataCheckRuleSettingConfiguration : IEntityTypeConfiguration<DataCheckRuleSetting>
{
    public void Configure(EntityTypeBuilder<DataCheckRuleSetting> builder)
    {
        builder.Property(s => s.RuleCode).HasMaxLength(16);
        builder.Property(s => s.DisabledReason).HasMaxLength(500);
        builder.Property(s => s.LedgerResponsiblePerson).HasMaxLength(50);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.CountyId, s.RuleCode }).IsUnique();
    }
}
