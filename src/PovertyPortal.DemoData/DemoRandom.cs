using System.Globalization;

namespace PovertyPortal.DemoData;

/// <summary>
/// Where the demo's randomness comes from. Each village draws from its own <see cref="Random"/>, one for its
/// households and one for its work teams, seeded from its AdminCode: the same plan gives the same people, names and
/// ID numbers on every machine and in every process, whatever order the villages are built in, and a change to one
/// village's teams leaves its households as they were.
/// </summary>
internal static class DemoRandom
{
    private const int HouseholdSalt = 1;
    private const int WorkTeamSalt = 2;
    private const int CorrectionSalt = 3;

    private static readonly string[] PhonePrefixes =
        ["30", "31", "32", "33", "35", "36", "37", "38", "39", "50", "51", "52", "55", "56", "57", "58", "59", "77", "80", "86", "87", "88", "89"];

    public static Random ForHouseholds(string villageAdminCode) => new(SeedFor(villageAdminCode, HouseholdSalt));

    public static Random ForWorkTeams(string villageAdminCode) => new(SeedFor(villageAdminCode, WorkTeamSalt));

    /// <summary>The county's community-correction cases (issue 19), seeded from the county's AdminCode.</summary>
    public static Random ForCorrection(string countyAdminCode) => new(SeedFor(countyAdminCode, CorrectionSalt));

    /// <summary>A synthetic mobile number of a real carrier prefix (1xx and 8 digits).</summary>
    public static string Phone(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"1{PhonePrefixes[random.Next(PhonePrefixes.Length)]}{random.Next(100_000_000):D8}");

    /// <summary>string.GetHashCode is randomized per process; the code's own digits give the same seed everywhere.</summary>
    private static int SeedFor(string adminCode, int salt)
    {
        var code = long.Parse(adminCode, NumberStyles.None, CultureInfo.InvariantCulture);
        return (int)(code % 2_000_000_000) ^ salt;
    }
}
