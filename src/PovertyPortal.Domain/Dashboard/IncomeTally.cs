using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Domain.Dashboard;

/// <summary>
/// How many of a village's income records of a year fall in each 1,000-元 band of per-capita net income: the county
/// dashboard finds the band holding a percentile's rank from these, then reads only that band's records. Kept like
/// <see cref="BenefitTally"/>: recounted by the save that changes the records (decision 0011).
/// </summary>
public class IncomeTally : IAreaBound
{
    /// <summary>The width of a band in 元.</summary>
    public const int BandWidth = 1000;

    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }

    /// <summary>⌊net income per capita / <see cref="BandWidth"/>⌋: band 3 holds 3,000.00 up to 3,999.99; losses are negative bands.</summary>
    public int Band { get; set; }
    public int Records { get; set; }

    public static decimal LowerBound(int band) => band * (decimal)BandWidth;
}
