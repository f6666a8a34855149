using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.WorkTeams;

namespace PovertyPortal.DemoData;

/// <summary>
/// The demo county as described in seeds/demo-county.json: areas, village profiles and, per village, the figures of
/// its register (counts and splits, not people). <see cref="DemoAreas"/>, <see cref="DemoHouseholds"/> and
/// <see cref="DemoWorkTeams"/> turn it into entities.
/// </summary>
public sealed record DemoCountyPlan
{
    public int SchemaVersion { get; init; }
    public required CountyPlan County { get; init; }
    public required IReadOnlyList<TownshipPlan> Townships { get; init; }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt field would otherwise be dropped silently and the demo figures would quietly change.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Reads and checks the plan; throws <see cref="InvalidDataException"/> listing every inconsistency.</summary>
    public static DemoCountyPlan Load(string path)
    {
        using var stream = File.OpenRead(path);
        var plan = JsonSerializer.Deserialize<DemoCountyPlan>(stream, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty.");
        var errors = plan.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidDataException($"{path} is inconsistent:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
        }
        return plan;
    }

    public IEnumerable<VillagePlan> AllVillages() => Townships.SelectMany(t => t.Villages);

    /// <summary>The village with this code, its township, and its position among all villages of the plan.</summary>
    public (TownshipPlan Township, VillagePlan Village, int Index) Locate(string villageAdminCode)
    {
        var index = 0;
        foreach (var township in Townships)
        {
            foreach (var village in township.Villages)
            {
                if (village.AdminCode == villageAdminCode) return (township, village, index);
                index++;
            }
        }
        throw new ArgumentException($"村 {villageAdminCode} is not in the demo county plan.", nameof(villageAdminCode));
    }

    public List<string> Validate()
    {
        var errors = new List<string>();
        if (!IsCode(County.AdminCode) || !County.AdminCode.EndsWith("000000", StringComparison.Ordinal))
        {
            errors.Add($"county {County.AdminCode}: a county code has 12 digits ending in six zeros");
        }
        var countyPrefix = County.AdminCode[..Math.Min(6, County.AdminCode.Length)];
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var township in Townships)
        {
            if (!IsCode(township.AdminCode) || !township.AdminCode.StartsWith(countyPrefix, StringComparison.Ordinal)
                || !township.AdminCode.EndsWith("000", StringComparison.Ordinal))
            {
                errors.Add($"township {township.Name}: code {township.AdminCode} must be the county's 6 digits, 3 township digits and 000");
            }
            if (!codes.Add(township.AdminCode)) errors.Add($"township {township.Name}: code {township.AdminCode} is used twice");
            foreach (var village in township.Villages)
            {
                if (!IsCode(village.AdminCode) || !village.AdminCode.StartsWith(township.AdminCode[..9], StringComparison.Ordinal)
                    || village.AdminCode.EndsWith("000", StringComparison.Ordinal))
                {
                    errors.Add($"village {village.Name}: code {village.AdminCode} must extend the township's 9 digits with 3 village digits");
                }
                if (!codes.Add(village.AdminCode)) errors.Add($"village {village.Name}: code {village.AdminCode} is used twice");
                village.Validate(errors);
            }
        }
        // Each village owns a disjoint block of ID sequence numbers; fewer than 2 per gender would leave no room.
        if (AllVillages().Count() > 250) errors.Add("at most 250 villages: ID sequence numbers are shared out among them");
        return errors;
    }

    private static bool IsCode(string code) => code.Length == 12 && code.All(char.IsAsciiDigit);
}

public sealed record CountyPlan
{
    public required string AdminCode { get; init; }
    public required string Name { get; init; }
    public string? Province { get; init; }

    /// <summary>Surnames of the county with their weights; a village may have its own.</summary>
    public required IReadOnlyList<SurnameWeight> Surnames { get; init; }

    /// <summary>The 6-digit area code of the county's resident IDs (GB/T 2260).</summary>
    public string AreaCode => AdminCode[..6];
}

public sealed record SurnameWeight
{
    public required string Name { get; init; }
    public required int Weight { get; init; }
}

public sealed record TownshipPlan
{
    public required string AdminCode { get; init; }
    public required string Name { get; init; }
    public required IReadOnlyList<VillagePlan> Villages { get; init; }
}

public sealed record VillagePlan
{
    public required string AdminCode { get; init; }
    public required string Name { get; init; }

    /// <summary>Where the figures come from: a seed document or "synthetic".</summary>
    public string? Source { get; init; }
    public bool IsPovertyVillage { get; init; }
    public int? PovertyExitYear { get; init; }

    /// <summary>The village centre; households are placed around it.</summary>
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public required int GroupCount { get; init; }
    public required IReadOnlyList<string> Hamlets { get; init; }

    /// <summary>Null: the county's surnames.</summary>
    public IReadOnlyList<SurnameWeight>? Surnames { get; init; }
    public required IReadOnlyList<VillageProfilePlan> Profiles { get; init; }
    public required RegistryPlan Registry { get; init; }
    public IReadOnlyList<WorkTeamPlan> WorkTeams { get; init; } = [];

    internal void Validate(List<string> errors)
    {
        var where = $"village {Name} ({AdminCode})";
        if (GroupCount is < 1 or > 99) errors.Add($"{where}: groupCount must be 1–99");
        if (Hamlets.Distinct(StringComparer.Ordinal).Count() != Hamlets.Count) errors.Add($"{where}: hamlet names repeat");
        if (!IsPovertyVillage && PovertyExitYear is not null) errors.Add($"{where}: only a poverty village has an exit year");
        foreach (var profile in Profiles)
        {
            if (profile.GroupCount != GroupCount) errors.Add($"{where}: profile {profile.Year} has {profile.GroupCount} groups, the village {GroupCount}");
            if (profile.HamletCount != Hamlets.Count) errors.Add($"{where}: profile {profile.Year} has {profile.HamletCount} hamlets, the list {Hamlets.Count}");
        }
        if (Profiles.Select(p => p.Year).Distinct().Count() != Profiles.Count) errors.Add($"{where}: two profiles for one year");
        Registry.Validate(where, errors);
        foreach (var team in WorkTeams)
        {
            if (team.EndDate is { } end && end < team.StartDate) errors.Add($"{where}: work team of {team.DispatchingUnit} ends before it starts");
            if (team.Roles.Count == 0) errors.Add($"{where}: work team of {team.DispatchingUnit} has no members");
        }
    }
}

/// <summary>The fields of <see cref="PovertyPortal.Domain.Areas.VillageProfile"/>.</summary>
public sealed record VillageProfilePlan
{
    public required int Year { get; init; }
    public decimal AreaSquareKm { get; init; }
    public decimal ForestMu { get; init; }
    public decimal ArableMu { get; init; }
    public decimal PaddyMu { get; init; }
    public int GroupCount { get; init; }
    public int HamletCount { get; init; }
    public int HouseholdCount { get; init; }
    public int Population { get; init; }
    public int PartyMembers { get; init; }
    public int BranchCommitteeMembers { get; init; }
    public int PartyGroups { get; init; }
    public int PublicWelfarePosts { get; init; }
    public int LeftBehindChildren { get; init; }
    public int LeftBehindElderly { get; init; }
    public int LeftBehindWomen { get; init; }
    public IReadOnlyList<string> LeadingIndustries { get; init; } = [];
    public IReadOnlyList<string> CollectiveIncomeSources { get; init; } = [];
    public decimal CollectiveIncome { get; init; }
    public string? Description { get; init; }
}

/// <summary>
/// 建档立卡 figures of one village. Every registered household is in exactly one category and in exactly one of
/// exits, remaining, returned or removed, so both splits add up to the same households and people.
/// </summary>
public sealed record RegistryPlan
{
    /// <summary>The date the register stands at; ages are counted to it.</summary>
    public required DateOnly AsOf { get; init; }
    public required IReadOnlyList<CategoryPlan> Categories { get; init; }
    public IReadOnlyList<ExitPlan> Exits { get; init; } = [];

    /// <summary>Still poor (未脱贫) at <see cref="AsOf"/>.</summary>
    public HouseholdsAndPeople Remaining { get; init; } = new();
    public IReadOnlyList<ReturnedPlan> Returned { get; init; } = [];
    public IReadOnlyList<RemovedPlan> Removed { get; init; } = [];
    public RelocationPlan? Relocation { get; init; }
    public IReadOnlyList<MonitoringPlan> Monitoring { get; init; } = [];

    public int Households => Categories.Sum(c => c.Households);
    public int People => Categories.Sum(c => c.People);

    internal void Validate(string where, List<string> errors)
    {
        foreach (var category in Categories)
        {
            var (min, max) = DemoHouseholdPlanner.SizeBounds(category.Category);
            if (category.Households < 0 || category.People < category.Households * min || category.People > category.Households * max)
            {
                errors.Add($"{where}: {category.Category} {category.Households} households cannot hold {category.People} people ({min}–{max} each)");
            }
            if (category.Causes.Values.Sum() != category.Households)
            {
                errors.Add($"{where}: {category.Category} causes add up to {category.Causes.Values.Sum()}, not {category.Households}");
            }
        }
        if (Categories.Select(c => c.Category).Distinct().Count() != Categories.Count) errors.Add($"{where}: a category appears twice");

        var cohorts = Exits.Select(e => (e.Households, e.People))
            .Append((Remaining.Households, Remaining.People))
            .Concat(Returned.Select(r => (r.Households, r.People)))
            .Concat(Removed.Select(r => (r.Households, r.People)));
        if (cohorts.Any(c => c.Households < 0 || c.People < c.Households || c.People > c.Households * DemoHouseholdPlanner.SizeBounds(PovertyCategory.General).Max))
        {
            errors.Add($"{where}: an exit, remaining, returned or removed entry has more households than people, or too many people per household");
        }

        var cohortHouseholds = Exits.Sum(e => e.Households) + Remaining.Households + Returned.Sum(r => r.Households) + Removed.Sum(r => r.Households);
        var cohortPeople = Exits.Sum(e => e.People) + Remaining.People + Returned.Sum(r => r.People) + Removed.Sum(r => r.People);
        if (cohortHouseholds != Households || cohortPeople != People)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{where}: exits + remaining + returned + removed = {cohortHouseholds} households / {cohortPeople} people, categories = {Households} / {People}"));
        }
        if (Exits.Any(e => e.Year < PortalYears.FirstExitYear || e.Year > AsOf.Year)) errors.Add($"{where}: exit years run from 2014 to the register's year");
        if (Exits.Select(e => e.Year).Distinct().Count() != Exits.Count) errors.Add($"{where}: an exit year appears twice");
        if (Returned.Any(r => r.ExitYear < PortalYears.FirstExitYear || r.ReturnYear <= r.ExitYear || r.ReturnYear > AsOf.Year)) errors.Add($"{where}: a return must follow its exit, by the register's year");
        if (Removed.Any(r => r.Year < 2015 || r.Year > AsOf.Year)) errors.Add($"{where}: removals run from 2015 (after the 2014 identification) to the register's year");
        if (Removed.Any(r => string.IsNullOrWhiteSpace(r.Reason))) errors.Add($"{where}: a removal needs its reason (清退原因)");

        if (Relocation is { } relocation)
        {
            if (relocation.Households > relocation.People || relocation.Households > Households) errors.Add($"{where}: relocation figures do not fit the register");
            if (relocation.Households > 0 && relocation.Sites.Count == 0) errors.Add($"{where}: relocation needs at least one site (安置点)");
        }
        foreach (var monitoring in Monitoring)
        {
            var unstable = monitoring.Type == MonitoringType.UnstableExited;
            if (unstable != (monitoring.People is null))
            {
                errors.Add($"{where}: {monitoring.Type} — people are given for households outside the register only (UnstableExited picks exited households)");
            }
            if (monitoring.People is { } people && (people < monitoring.Households || people > monitoring.Households * 6))
            {
                errors.Add($"{where}: {monitoring.Type} {monitoring.Households} households cannot hold {people} people");
            }
            if (monitoring.RiskEliminated > monitoring.Households || (monitoring.RiskEliminated > 0 && monitoring.RiskEliminatedOn is null))
            {
                errors.Add($"{where}: {monitoring.Type} risk elimination needs a date and at most all households");
            }
            if (monitoring.IdentifiedOn > AsOf || monitoring.RiskEliminatedOn > AsOf || monitoring.RiskEliminatedOn < monitoring.IdentifiedOn)
            {
                errors.Add($"{where}: {monitoring.Type} dates must be in order and not after the register's date");
            }
        }
    }
}

public sealed record CategoryPlan
{
    public required PovertyCategory Category { get; init; }
    public required int Households { get; init; }
    public required int People { get; init; }

    /// <summary>Households per primary cause (致贫原因); adds up to <see cref="Households"/>.</summary>
    public required IReadOnlyDictionary<PovertyCause, int> Causes { get; init; }
}

public sealed record ExitPlan
{
    public required int Year { get; init; }
    public required int Households { get; init; }
    public required int People { get; init; }
}

public sealed record HouseholdsAndPeople
{
    public int Households { get; init; }
    public int People { get; init; }
}

/// <summary>Households that exited and later fell back into poverty (返贫).</summary>
public sealed record ReturnedPlan
{
    public required int ExitYear { get; init; }
    public required int ReturnYear { get; init; }
    public required int Households { get; init; }
    public required int People { get; init; }
}

/// <summary>Households taken off the register (清退) in a year, with the reason.</summary>
public sealed record RemovedPlan
{
    public required int Year { get; init; }
    public required int Households { get; init; }
    public required int People { get; init; }
    public required string Reason { get; init; }
}

public sealed record RelocationPlan
{
    public required int Households { get; init; }
    public required int People { get; init; }
    public required IReadOnlyList<string> Sites { get; init; }
}

/// <summary>
/// 防止返贫监测对象. UnstableExited marks households already exited in the register (no people given); the other
/// types add households that were never registered poor, with their people and the risk (<see cref="Cause"/>).
/// </summary>
public sealed record MonitoringPlan
{
    public required MonitoringType Type { get; init; }
    public required int Households { get; init; }
    public int? People { get; init; }
    public PovertyCause? Cause { get; init; }
    public required DateOnly IdentifiedOn { get; init; }

    /// <summary>How many of the households had the risk eliminated (风险消除), on <see cref="RiskEliminatedOn"/>.</summary>
    public int RiskEliminated { get; init; }
    public DateOnly? RiskEliminatedOn { get; init; }
}

public sealed record WorkTeamPlan
{
    public required string DispatchingUnit { get; init; }
    public string? AppointedBy { get; init; }
    public required DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }

    /// <summary>One entry per member; the names are generated.</summary>
    public required IReadOnlyList<WorkTeamRole> Roles { get; init; }
}
