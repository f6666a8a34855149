using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Correction;

/// <summary>
/// 外出审批 (art. 25): a trip out of the subject's city or county. Seven days or fewer are approved by the 司法所;
/// longer trips, and any exception to the first three months, are signed by the 司法所 and approved by the county.
/// </summary>
public class LeaveRequest : ICorrectionBound, IAuditable, IVersioned
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int SubjectId { get; set; }
    public Guid Version { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }

    /// <summary>The end first approved, kept when an extension moves <see cref="To"/>.</summary>
    public DateOnly? OriginalTo { get; set; }
    public required string Destination { get; set; }
    public required string Reason { get; set; }

    /// <summary>The guardian who goes with a minor (art. 25).</summary>
    public string? Companion { get; set; }

    /// <summary>Why a trip in the first three months is allowed; only the county grants it.</summary>
    public string? ExceptionReason { get; set; }
    public LeaveStatus Status { get; set; }
    public string? OfficeOpinion { get; set; }
    public string? OfficeDecidedBy { get; set; }
    public DateOnly? OfficeDecidedOn { get; set; }
    public string? CountyDecidedBy { get; set; }
    public DateOnly? CountyDecidedOn { get; set; }
    public string? RefusalReason { get; set; }
    public DateOnly? ReturnedOn { get; set; }
    public string? ExtensionReason { get; set; }
    public bool ExtendedByProxy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public int Days => LeaveRules.Days(From, To);

    public bool NeedsCounty => LeaveRules.NeedsCounty(From, To, ExceptionReason);

    public bool IsOverdue(DateOnly today) => Status == LeaveStatus.Approved && ReturnedOn is null && To < today;
}

/// <summary>The limits of arts. 24–25, each one a sentence the form shows.</summary>
public static class LeaveRules
{
    public const int OfficeApprovesUpToDays = 7;
    public const int HalfYearLimitDays = 60;
    public const int NoLeaveMonthsAfterStart = 3;

    /// <summary>Days away, both ends counted.</summary>
    public static int Days(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber + 1;

    /// <summary>Longer than seven days, or an exception to the first three months: the county decides.</summary>
    public static bool NeedsCounty(DateOnly from, DateOnly to, string? exceptionReason) =>
        Days(from, to) > OfficeApprovesUpToDays || !string.IsNullOrWhiteSpace(exceptionReason);

    /// <summary>
    /// The last day a trip starting on <paramref name="from"/> may last to: one month (一次不得超过一个月), the day before
    /// the same day of the next month. A next month without that day ends on its last day (民法典 art. 203), so that a
    /// trip from January 31st may last to the end of February, not a day less than one from February 1st.
    /// </summary>
    public static DateOnly LongestTo(DateOnly from) => LastDayOfMonths(from, 1);

    /// <summary>The last day of the first three months after 入矫, counted like a trip's month.</summary>
    public static DateOnly FirstMonthsEnd(DateOnly correctionStart) => LastDayOfMonths(correctionStart, NoLeaveMonthsAfterStart);

    private static DateOnly LastDayOfMonths(DateOnly from, int months)
    {
        var sameDay = from.AddMonths(months);
        return sameDay.Day == from.Day ? sameDay.AddDays(-1) : sameDay;
    }

    /// <summary>
    /// Every limit a new trip (or an extended one) breaks. <paramref name="otherTrips"/> are the subject's other trips
    /// not refused; the sixty days are counted over the six months that end on the trip's last day.
    /// </summary>
    public static IReadOnlyList<string> Check(DateOnly from, DateOnly to, bool abroad, DateOnly correctionStart, bool isMinor,
        string? companion, string? exceptionReason, IEnumerable<(DateOnly From, DateOnly To)> otherTrips)
    {
        var refusals = new List<string>();
        if (abroad) refusals.Add("社区矫正期间禁止出国（境）（第二十四条）");
        if (to < from)
        {
            refusals.Add("返回日期不能早于外出日期");
            return refusals;
        }
        if (to > LongestTo(from)) refusals.Add($"一次外出不得超过一个月：自{from:M月d日}起最晚至{LongestTo(from):M月d日}");
        if (from <= FirstMonthsEnd(correctionStart) && string.IsNullOrWhiteSpace(exceptionReason))
        {
            refusals.Add($"入矫后三个月内（{FirstMonthsEnd(correctionStart):yyyy年M月d日}前）一般不得外出；确有特殊情况须填写理由，由县级司法行政机关审批");
        }
        var windowStart = to.AddMonths(-6).AddDays(1);
        var others = otherTrips.Sum(t => Overlap(t.From, t.To, windowStart, to));
        var total = others + Overlap(from, to, windowStart, to);
        if (total > HalfYearLimitDays)
        {
            refusals.Add($"半年内外出一般不得超过{HalfYearLimitDays}天：{windowStart:yyyy年M月d日}至{to:yyyy年M月d日}已外出{others}天，本次{Days(from, to)}天");
        }
        if (isMinor && string.IsNullOrWhiteSpace(companion)) refusals.Add("未成年矫正对象外出须由监护人陪同，请填写陪同的监护人");
        return refusals;
    }

    /// <summary>An extension (art. 25): the whole trip, old and new days, stays within one month.</summary>
    public static string? CheckExtension(LeaveRequest trip, DateOnly newTo) =>
        newTo <= trip.To ? "延长后的返回日期须晚于原返回日期"
        : newTo > LongestTo(trip.From) ? $"延长后总外出时间不得超过一个月：最晚至{LongestTo(trip.From):M月d日}"
        : null;

    private static int Overlap(DateOnly from, DateOnly to, DateOnly windowStart, DateOnly windowEnd)
    {
        var start = from > windowStart ? from : windowStart;
        var end = to < windowEnd ? to : windowEnd;
        return end < start ? 0 : Days(start, end);
    }
}
