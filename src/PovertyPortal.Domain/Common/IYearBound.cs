namespace PovertyPortal.Domain.Common;

/// <summary>
/// A row that counts in one township's year (年度锁定, decision 0032): once the county locks that township's year, no
/// save may add, change or remove it. Records kept per year carry their own Year; dated work counts in its date's
/// calendar year.
/// </summary>
public interface IYearBound
{
    int TownshipId { get; }

    int Year { get; }
}
