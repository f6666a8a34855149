using PovertyPortal.Domain.Households;

namespace PovertyPortal.DemoData;

/// <summary>
/// Synthetic Chinese names from common surnames and given-name characters. Never one of the real-looking names
/// printed in the seed documents: the demo must not put those people into a poverty register.
/// </summary>
internal sealed class NameGenerator(Random random, IReadOnlyList<SurnameWeight> villageSurnames, IReadOnlyList<SurnameWeight> countySurnames)
{
    /// <summary>Names printed in 范文第1篇 and 范文第2篇.</summary>
    private static readonly HashSet<string> SeedTextNames = new(StringComparer.Ordinal)
    {
        "郭小村", "何卫星", "张略", "何家武", "刘银平", "刘小仪", "刘向阳", "刘林志", "刘启胜", "刘袖珍", "刘海明",
        "刘水波", "刘华", "刘善阳", "刘守伍", "何沂",
    };

    public string VillageSurname() => Pick(villageSurnames, null);

    /// <summary>Someone who married in: a surname of the county other than the family's.</summary>
    public string OutsideSurname(string familySurname) => Pick(countySurnames, familySurname);

    public string Name(string surname, Gender gender, HashSet<string> taken)
    {
        var characters = gender == Gender.Male ? SyntheticNames.MaleCharacters : SyntheticNames.FemaleCharacters;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var given = random.Next(100) < 30
                ? characters[random.Next(characters.Count)]
                : characters[random.Next(characters.Count)] + characters[random.Next(characters.Count)];
            var name = surname + given;
            if (!SeedTextNames.Contains(name) && taken.Add(name)) return name;
        }
        throw new InvalidOperationException($"No free name with the surname {surname}.");
    }

    private string Pick(IReadOnlyList<SurnameWeight> surnames, string? except)
    {
        var total = surnames.Where(s => s.Name != except).Sum(s => s.Weight);
        var roll = random.Next(total);
        foreach (var surname in surnames.Where(s => s.Name != except))
        {
            if (roll < surname.Weight) return surname.Name;
            roll -= surname.Weight;
        }
        throw new InvalidOperationException("Surname weights must be positive.");
    }
}
