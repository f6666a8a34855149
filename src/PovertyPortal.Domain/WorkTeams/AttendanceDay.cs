using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.WorkTeams;

/// <summary>驻村考勤: one day a team member spent in the village, and whether they stayed the night.</summary>
public class AttendanceDay : IAuditable, Areas.IAreaBound, IYearBound
{
    private DateOnly date;

    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int WorkTeamId { get; set; }
    public int WorkTeamMemberId { get; set; }
    public WorkTeamMember? WorkTeamMember { get; set; }
    public DateOnly Date
    {
        get => date;
        set
        {
            date = value;
            Week = ResidencyCompliance.WeekNumber(value);
        }
    }

    /// <summary>
    /// The Monday-to-Sunday week of <see cref="Date"/> (<see cref="ResidencyCompliance.WeekNumber"/>), stored so that
    /// 五天四夜 can be counted per member and week straight from an index instead of from a date computed per row.
    /// </summary>
    public int Week { get; private set; }

    /// <summary>A day counts in its calendar year (年度锁定), whatever its 五天四夜 week.</summary>
    int IYearBound.Year => Date.Year;

    /// <summary>到村时间 and 离村时间, when recorded.</summary>
    public TimeOnly? ArrivedAt { get; set; }
    public TimeOnly? LeftAt { get; set; }

    /// <summary>Stayed in the village the night following <see cref="Date"/> (住村).</summary>
    public bool StayedNight { get; set; }
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
