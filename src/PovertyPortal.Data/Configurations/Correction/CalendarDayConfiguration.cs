using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Data.Configurations.Correction;

public sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Name).HasMaxLength(50);
        // The calendar's first year comes with the schema; later years are typed in on the calendar page.
        builder.HasData(OfficialHolidays.Of2026.Select(d => new CalendarDay { Date = d.Date, IsWorkingDay = d.IsWorkingDay, Name = d.Name }));
    }
}
