using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Assurance;

namespace PovertyPortal.Domain.Dashboard;

/// <summary>
/// How many of a village's assurance checks of a year failed exactly this set of items (none, for the checks that
/// passed every item): the checked households, the households failing any item and those failing each item all add up
/// from these few rows. Kept like <see cref="BenefitTally"/>: recounted by the save that changes the checks (decision 0011).
/// </summary>
public class AssuranceTally : IAreaBound
{
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }

    /// <summary>The failed items as bits (<see cref="Bit"/>); 0 when every item was met.</summary>
    public int FailedItems { get; set; }
    public int Checks { get; set; }

    /// <summary>
    /// An item's bit: 1 &lt;&lt; its place in <see cref="AssuranceItemKind"/>. The tallies store these bits, so a change to
    /// the enum's order (or a new item anywhere but at the end) must be followed by `recount-tallies`.
    /// </summary>
    public static int Bit(AssuranceItemKind kind) => 1 << (int)kind;

    public static IEnumerable<AssuranceItemKind> Kinds(int failedItems) =>
        Enum.GetValues<AssuranceItemKind>().Where(k => (failedItems & Bit(k)) != 0);
}
