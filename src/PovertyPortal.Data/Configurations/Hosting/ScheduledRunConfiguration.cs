using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Data.Hosting;

namespace PovertyPortal.Data.Configurations.Hosting;

public sealed class ScheduledRunConfiguration : IEntityTypeConfiguration<ScheduledRun>
{
    public void Configure(EntityTypeBuilder<ScheduledRun> builder)
    {
        builder.Property(r => r.Job).HasMaxLength(50);
        builder.Property(r => r.Instance).HasMaxLength(200);
        // The claim itself: a second instance's insert for the same job and date fails here.
        builder.HasIndex(r => new { r.Job, r.RunDate }).IsUnique();
    }
}
