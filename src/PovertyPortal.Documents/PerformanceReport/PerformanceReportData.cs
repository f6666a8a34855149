namespace PovertyPortal.Documents.PerformanceReport;

/// <summary>
/// Everything the annual performance report (履职报告) of one village says, as plain figures. The portal's loader
/// fills it from the database; a section that has no data stays empty (null or no rows) and the report leaves
/// that part out. Figures are never typed by hand: only <see cref="Prose"/> is the team's own writing.
/// </summary>
public sealed record PerformanceReportData
{
    public required string VillageName { get; init; }
    public string TownshipName { get; init; } = "";
    public string CountyName { get; init; } = "";
    public required int Year { get; init; }

    public VillageProfileFigures? Profile { get; init; }
    public RegistryFigures? Registry { get; init; }
    public IReadOnlyList<TeamFigures> Teams { get; init; } = [];
    public IReadOnlyList<PolicyGroupFigures> PolicyGroups { get; init; } = [];
    public IReadOnlyList<KindCount> WorkLogCounts { get; init; } = [];
    public IReadOnlyList<ProjectFigures> Projects { get; init; } = [];
    public IReadOnlyList<IndustryFigures> Industries { get; init; } = [];
    public IReadOnlyList<CollectiveIncomeFigures> CollectiveIncome { get; init; } = [];
    public ReportProse Prose { get; init; } = new();

    /// <summary>Who signs: by default the village committee.</summary>
    public string? SignedBy { get; init; }
    public DateOnly SignedOn { get; init; }
}

/// <summary>村基本情况 (VillageProfile of the year).</summary>
public sealed record VillageProfileFigures
{
    public string? Description { get; init; }
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
    public decimal CollectiveIncomeIndicator { get; init; } = 50_000m;
}

/// <summary>建档立卡 figures at the end of the year.</summary>
public sealed record RegistryFigures
{
    public int Households { get; init; }
    public int People { get; init; }

    /// <summary>五保 / 低保 / 一般贫困户, in the order the report names them.</summary>
    public IReadOnlyList<HouseholdsPeople> Categories { get; init; } = [];

    /// <summary>致贫原因 (primary cause), households.</summary>
    public IReadOnlyList<HouseholdsPeople> Causes { get; init; } = [];
    public int RelocatedHouseholds { get; init; }
    public int RelocatedPeople { get; init; }
    public int RelocationSites { get; init; }
    public IReadOnlyList<YearFigures> ExitsPerYear { get; init; } = [];

    /// <summary>贫困人口存量: still poor at the end of the year.</summary>
    public int RemainingHouseholds { get; init; }
    public int RemainingPeople { get; init; }

    /// <summary>返贫: households that exited and returned by the end of the year; they count in the stock again.</summary>
    public int ReturnedHouseholds { get; init; }
    public int ReturnedPeople { get; init; }
}

public sealed record HouseholdsPeople(string Label, int Households, int People);

public sealed record YearFigures(int Year, int Households, int People);

/// <summary>A work team (驻村工作队) in the order it served.</summary>
public sealed record TeamFigures
{
    public required string DispatchingUnit { get; init; }
    public string? AppointedBy { get; init; }
    public DateOnly StartDate { get; init; }
    public DateOnly? EndDate { get; init; }
    public IReadOnlyList<TeamMemberFigures> Members { get; init; } = [];

    /// <summary>“五天四夜” compliance from attendance (issue 6); null when no attendance was recorded.</summary>
    public AttendanceCompliance? Compliance { get; init; }
}

public sealed record TeamMemberFigures(string Name, string Role, string? Unit);

/// <summary>Weeks in the year the team was due to be in the village, and weeks it met “五天四夜”.</summary>
public sealed record AttendanceCompliance(int WeeksDue, int WeeksCompliant);

/// <summary>One policy (benefit) group of the year: 社会保障兜底, 教育扶贫, … (issue 5).</summary>
public sealed record PolicyGroupFigures
{
    public required string Name { get; init; }
    public int Households { get; init; }
    public int People { get; init; }
    public decimal Amount { get; init; }

    /// <summary>Heads of some benefiting households, named as examples ("以刘袖珍等52户74人…").</summary>
    public IReadOnlyList<string> ExampleHeads { get; init; } = [];

    /// <summary>The benefits that make up the group, e.g. "低保补差", "五保供养"; for the sentence only.</summary>
    public IReadOnlyList<string> Benefits { get; init; } = [];

    /// <summary>
    /// Each benefit of the group with its own figures and example heads, as 范文第1篇 writes them
    /// ("以刘袖珍等52户74人…低保，刘海明等23户23人…五保"); when empty the group is told by its totals.
    /// </summary>
    public IReadOnlyList<PolicyBenefitFigures> Programs { get; init; } = [];
}

/// <summary>One benefit (program) of a policy group in the year.</summary>
public sealed record PolicyBenefitFigures(string Name, int Households, int People, decimal Amount, IReadOnlyList<string> ExampleHeads)
{
    /// <summary>A quantity the records give (森林 1,920 亩), with its unit.</summary>
    public decimal? Quantity { get; init; }
    public string? Unit { get; init; }
}

/// <summary>A count per kind, e.g. work-log kind 入户走访 → 45 (issue 6).</summary>
public sealed record KindCount(string Kind, int Count, string Unit = "次");

/// <summary>A project of the year with its quantity, e.g. 修复大塘 5 口 (issue 6).</summary>
public sealed record ProjectFigures(string Name, decimal Quantity, string Unit, decimal? Investment);

/// <summary>An industry with its scale, e.g. 花生 760 亩, 33 户 (issue 6).</summary>
public sealed record IndustryFigures(string Name, decimal Quantity, string Unit, int? Households);

/// <summary>Collective income by source (issue 6); stable operating income counts toward the 50,000 元 indicator.</summary>
public sealed record CollectiveIncomeFigures(string Source, decimal Amount, bool IsStableOperating = false);

/// <summary>The team's own prose for the year (saved in the portal, versioned).</summary>
public sealed record ReportProse
{
    public string? Introduction { get; init; }

    /// <summary>主要做法, one item each (numbered by the report).</summary>
    public IReadOnlyList<string> Practices { get; init; } = [];
    public string? Closing { get; init; }
}

/// <summary>Which version: the internal one names example households; the 公开版 masks them (刘**).</summary>
public enum ReportEdition
{
    Internal,
    Public,
}
