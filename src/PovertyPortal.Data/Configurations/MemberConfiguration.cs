using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Data.Configurations;

public sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(50);
        // ResidentId, ResidentIdTail, Health and DisabilityGrade are encrypted: Encryption/EncryptedColumns.cs.
        builder.Property(m => m.Ethnicity).HasMaxLength(20);
        builder.Property(m => m.EducationLevel).HasMaxLength(20);
        builder.Property(m => m.MigrantWorkPlace).HasMaxLength(100);
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
        builder.Property(m => m.UpdatedBy).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();

        // One ResidentId per living member in a county is checked by the handlers (they name the other household);
        // this index makes that check and the search by ID cheap (the encryption of both is deterministic).
        builder.HasIndex(m => new { m.CountyId, m.ResidentId });
        builder.HasIndex(m => new { m.CountyId, m.ResidentIdTail });
        builder.HasIndex(m => m.HouseholdId);
        // A township's or village's members without walking the county's (the data checks' member rules, issue 18).
        builder.HasIndex(m => new { m.TownshipId, m.VillageId });
        // Name prefix search in the household list: a range on SQLite, LIKE 'x%' on PostgreSQL (pattern index).
        builder.HasIndex(m => m.Name).HasOperators("text_pattern_ops");

        builder.HasOne(m => m.Household).WithMany(h => h.Members).HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Restrict);
    }
}
