using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Income;

namespace PovertyPortal.Data.Configurations;

public sealed class PovertyLineConfiguration : IEntityTypeConfiguration<PovertyLine>
{
    /// <summary>
    /// National lines a new database starts with (current prices, rounded as published); 2020 is the 4,100 元 of the
    /// seed documents. The monitoring line (防返贫监测) starts in 2020. Administrators correct or add provinces.
    /// </summary>
    private static readonly (int Year, decimal Amount, decimal? Monitoring)[] Defaults =
    [
        (2014, 2800m, null), (2015, 2855m, null), (2016, 3000m, null), (2017, 3335m, null),
        (2018, 3535m, null), (2019, 3747m, null), (2020, 4100m, 6000m),
    ];

    public void Configure(EntityTypeBuilder<PovertyLine> builder)
    {
        builder.Property(l => l.Province).HasMaxLength(20);
        builder.Property(l => l.Amount).HasPrecision(12, 2);
        builder.Property(l => l.MonitoringAmount).HasPrecision(12, 2);
        builder.Property(l => l.NearLineMultiple).HasPrecision(4, 2);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(l => new { l.Year, l.Province }).IsUnique();
        builder.HasData(Defaults.Select((d, i) => new PovertyLine
        {
            Id = i + 1, Year = d.Year, Province = PovertyLine.Nationwide, Amount = d.Amount, MonitoringAmount = d.Monitoring,
            NearLineMultiple = 1.5m, CreatedAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), CreatedBy = "system",
        }));
    }
}
