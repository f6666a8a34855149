using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Data.Configurations;

public sealed class PairingConfiguration : IEntityTypeConfiguration<Pairing>
{
    public void Configure(EntityTypeBuilder<Pairing> builder)
    {
        builder.Property(p => p.CadreName).HasMaxLength(50);
        builder.Property(p => p.CadreUnit).HasMaxLength(100);
        // CadreResidentId is encrypted: Encryption/EncryptedColumns.cs.
        builder.Property(p => p.CreatedBy).HasMaxLength(256);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(p => p.HouseholdId);
        builder.HasIndex(p => p.VillageId);
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WorkTeamMember>().WithMany().HasForeignKey(p => p.WorkTeamMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
