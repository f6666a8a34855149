using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Procedures;

namespace PovertyPortal.Data.Configurations.Procedures;

public sealed class NoticeObjectionConfiguration : IEntityTypeConfiguration<NoticeObjection>
{
    public void Configure(EntityTypeBuilder<NoticeObjection> builder)
    {
        builder.Property(o => o.Objector).HasMaxLength(50);
        builder.Property(o => o.Content).HasMaxLength(1000);
        builder.Property(o => o.Answer).HasMaxLength(1000);
        builder.Property(o => o.AnsweredBy).HasMaxLength(256);
        builder.Property(o => o.CreatedBy).HasMaxLength(256);
        builder.Property(o => o.UpdatedBy).HasMaxLength(256);
        builder.Ignore(o => o.IsOpen);
        builder.HasIndex(o => new { o.ProcedureCaseId, o.AnsweredOn });
        builder.HasOne<ProcedureCase>().WithMany().HasForeignKey(o => o.ProcedureCaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
