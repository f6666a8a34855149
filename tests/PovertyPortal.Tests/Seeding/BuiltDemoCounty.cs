using PovertyPortal.DemoData;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.Tests.Seeding;

/// <summary>The demo county of seeds/demo-county.json, built as DemoDataSeeder builds it, without a database.</summary>
internal sealed record BuiltDemoCounty(DemoCountyPlan Plan, County County, List<Household> Households, List<WorkTeam> WorkTeams)
{
    private static readonly Lazy<BuiltDemoCounty> Built = new(Build);

    /// <summary>One build for all the tests that only read it.</summary>
    public static BuiltDemoCounty Shared => Built.Value;

    public static BuiltDemoCounty Build()
    {
        var plan = DemoCountyPlan.Load(PlanPath());
        var county = DemoAreas.Build(plan);
        StandInIds.Give(county);
        var households = new List<Household>();
        var teams = new List<WorkTeam>();
        foreach (var village in county.Townships.SelectMany(t => t.Villages))
        {
            households.AddRange(DemoHouseholds.Build(plan, village, village.Groups));
            teams.AddRange(DemoWorkTeams.Build(plan, village));
        }
        return new BuiltDemoCounty(plan, county, households, teams);
    }

    private static string PlanPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "seeds", "demo-county.json");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"seeds/demo-county.json is in no folder above {AppContext.BaseDirectory}.");
    }
}
