using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Dashboard;

namespace PovertyPortal.Tests.Assurance;

public sealed class AssuranceTallyTests
{
    /// <summary>
    /// The stored tallies and the migration that filled them use these bits; if this fails because the items were
    /// reordered, run `recount-tallies` on every database after the change (decision 0011).
    /// </summary>
    [Fact]
    public void Each_item_keeps_its_bit()
    {
        Assert.Equal(
            [("Food", 1), ("Clothing", 2), ("CompulsoryEducation", 4), ("BasicMedical", 8), ("HousingSafety", 16),
                ("DrinkingWaterQuality", 32), ("DrinkingWaterQuantity", 64), ("Electricity", 128), ("Television", 256)],
            Enum.GetValues<AssuranceItemKind>().Select(k => (k.ToString(), AssuranceTally.Bit(k))));
    }

    [Fact]
    public void A_set_of_failed_items_reads_back_as_its_items()
    {
        var failed = AssuranceTally.Bit(AssuranceItemKind.Food) | AssuranceTally.Bit(AssuranceItemKind.HousingSafety);
        Assert.Equal([AssuranceItemKind.Food, AssuranceItemKind.HousingSafety], AssuranceTally.Kinds(failed));
        Assert.Empty(AssuranceTally.Kinds(0));
    }
}
