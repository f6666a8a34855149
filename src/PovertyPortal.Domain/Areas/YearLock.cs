namespace PovertyPortal.Domain.Areas;

/// <summary>
/// 年度锁定: a township's year, locked by the county once its figures are approved (decision 0032). One row per
/// township and year, kept when unlocked so that the page shows who unlocked it and why; the audit log keeps every lock
/// and unlock.
/// </summary>
public class YearLock
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public Township? Township { get; set; }
    public int Year { get; set; }
    public bool IsLocked { get; set; }
    public DateTimeOffset LockedAt { get; set; }
    public string LockedBy { get; set; } = "";
    public DateTimeOffset? UnlockedAt { get; set; }
    public string? UnlockedBy { get; set; }

    /// <summary>Why the year was opened again (required: a locked year must not change silently).</summary>
    public string? UnlockReason { get; set; }

    /// <summary>The message every refused save shows, naming the year and the township.</summary>
    public static string LockedMessage(int year, string townshipName) =>
        $"{year}年度{townshipName}的数据已锁定，不能修改；如需更正请联系县级督导解锁";
}
