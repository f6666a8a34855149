using System.Globalization;

namespace PovertyPortal.Domain.Households;

/// <summary>
/// The masking rule (docs/decisions/0014). The ID mask keeps the first six and last four characters, so its eight
/// hidden characters are exactly the birth date: wherever an ID is masked, the birth date is shown as the year only,
/// or the two together give the ID back. Health and disability are shown only to the roles of
/// <see cref="Users.PortalRoles.CanSeeHealthData"/>. Pages, exports, the change history and error messages all ask here.
/// </summary>
public static class PersonalData
{
    /// <summary>The birth date as a viewer may read it: in full beside a full ID, else the year only ("1968年").</summary>
    public static string BirthDate(DateOnly birth, bool fullIds) =>
        fullIds ? birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : BirthYear(birth.Year);

    public static string BirthYear(int year) => string.Create(CultureInfo.InvariantCulture, $"{year}年");

    /// <summary>Health and disability values stand for this where the viewer may not read them.</summary>
    public const string Hidden = "***";

    private static readonly HashSet<string> HealthFields = [nameof(Member.Health), nameof(Member.DisabilityGrade)];

    public static bool IsHealthField(string field) => HealthFields.Contains(field);

    /// <summary>
    /// A field's value as <see cref="HouseholdFields.Display"/> reads it, then cut down to what the viewer may see:
    /// a birth date to its year without full IDs, health and disability to *** without the right to them.
    /// </summary>
    public static string? Display(string field, object? value, bool fullIds, bool health) =>
        Restrict(field, HouseholdFields.Display(field, value), fullIds, health);

    /// <summary>The same rule for a value already written as text (the change history keeps yyyy-MM-dd strings).</summary>
    public static string? Restrict(string field, string? shown, bool fullIds, bool health)
    {
        if (shown is null) return null;
        if (!health && IsHealthField(field)) return Hidden;
        if (!fullIds && field == nameof(Member.BirthDate))
        {
            // yyyy-MM-dd as Display writes it; anything else is not a date and gives nothing away beyond its year.
            return shown.Length >= 4 && int.TryParse(shown.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
                ? BirthYear(year) : Hidden;
        }
        return shown;
    }
}
