namespace PovertyPortal.Domain.DataChecks;

/// <summary>One run of the county's enabled rules over a county, a township or a village: on demand or nightly.</summary>
public class DataCheckRun
{
    public long Id { get; set; }
    public int CountyId { get; set; }
    public int? TownshipId { get; set; }
    public int? VillageId { get; set; }

    /// <summary>The year whose income, benefits and checks the rules read (the latest year with a poverty line).</summary>
    public int Year { get; set; }
    public DataCheckTrigger Trigger { get; set; }
    public string? RequestedBy { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int RulesRun { get; set; }
    public int OpenFindings { get; set; }
    public int NewFindings { get; set; }
    public int ResolvedFindings { get; set; }

    /// <summary>Why the run stopped, in Chinese, when it failed; its findings were then left as they were.</summary>
    public string? Error { get; set; }
}
