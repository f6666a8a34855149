namespace PovertyPortal.Data.Hosting;

/// <summary>
/// A claim on one run of a scheduled job (the nightly data checks of a date). Every instance of the portal runs the
/// same schedule; the one whose row goes in first does the work, the others find the key taken and skip it.
/// </summary>
public sealed class ScheduledRun
{
    public int Id { get; set; }
    public string Job { get; set; } = "";
    public DateOnly RunDate { get; set; }
    public string Instance { get; set; } = "";
    public DateTimeOffset ClaimedAt { get; set; }
}
