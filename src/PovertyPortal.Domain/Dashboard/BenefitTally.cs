using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Domain.Dashboard;

/// <summary>
/// One village's benefit records of a year and program, counted: what the county dashboard adds up instead of reading
/// every record. Never written by a feature: the save that changes a village's records recounts its tally in the same
/// transaction (decision 0011), so it is as live as the records themselves.
/// </summary>
public class BenefitTally : IAreaBound
{
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }
    public int ProgramId { get; set; }
    public int Records { get; set; }

    /// <summary>Households with at least one record of the program in the year (each counted once).</summary>
    public int Households { get; set; }

    /// <summary>The records' amounts added up, in whole fen, so the sum is exact on every database.</summary>
    public long AmountInFen { get; set; }
}
