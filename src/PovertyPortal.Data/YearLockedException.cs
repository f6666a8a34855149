namespace PovertyPortal.Data;

/// <summary>
/// A save refused because it adds, changes or removes a row of a locked township year (年度锁定, decision 0032). Thrown
/// by <see cref="YearLockInterceptor"/> before anything is written, and by <see cref="NewHouseholdRows"/> for the
/// import's bulk rows; the message is the Chinese sentence to show the user.
/// </summary>
public sealed class YearLockedException(int townshipId, int year, string message) : Exception(message)
{
    public int TownshipId { get; } = townshipId;

    public int Year { get; } = year;
}
