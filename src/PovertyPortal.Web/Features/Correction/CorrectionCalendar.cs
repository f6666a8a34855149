using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>The working-day calendar as the rules read it: the table's holidays and makeup days, a few rows a year.</summary>
public static class CorrectionCalendar
{
    public static async Task<WorkingCalendar> LoadAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        new(await db.CalendarDays.AsNoTracking().ToListAsync(cancellationToken));
}
