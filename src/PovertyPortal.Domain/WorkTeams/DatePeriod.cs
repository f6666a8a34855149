namespace PovertyPortal.Domain.WorkTeams;

/// <summary>A period of whole days, both ends included; no end means "still running".</summary>
public readonly record struct DatePeriod(DateOnly Start, DateOnly? End)
{
    public bool Contains(DateOnly day) => day >= Start && (End is null || day <= End.Value);

    public bool Overlaps(DatePeriod other) =>
        (End is null || other.Start <= End.Value) && (other.End is null || Start <= other.End.Value);

    /// <summary>The days both periods share, or null when they share none.</summary>
    public DatePeriod? Intersect(DatePeriod other)
    {
        if (!Overlaps(other)) return null;
        var start = Start > other.Start ? Start : other.Start;
        DateOnly? end = (End, other.End) switch
        {
            (null, var e) => e,
            (var e, null) => e,
            (DateOnly a, DateOnly b) => a < b ? a : b,
        };
        return new DatePeriod(start, end);
    }
}

/// <summary>
/// The rule on leaders of one village: two 队长 may not lead at the same time, unless the overlap is an explicit
/// handover — it lies entirely within the handover window (team start to <see cref="WorkTeam.HandoverUntil"/>) of
/// the later team.
/// </summary>
public static class LeaderOverlap
{
    public sealed record LeaderPeriod(int MemberId, string Name, string TeamUnit, DatePeriod Period, DatePeriod? HandoverWindow);

    /// <summary>The first other leader whose period clashes with the candidate's, or null when none does.</summary>
    public static LeaderPeriod? FindClash(LeaderPeriod candidate, IEnumerable<LeaderPeriod> others)
    {
        foreach (var other in others)
        {
            if (other.MemberId == candidate.MemberId && candidate.MemberId != 0) continue;
            if (candidate.Period.Intersect(other.Period) is not { } overlap) continue;
            // The later of the two starts decides which team's handover window may absorb the overlap.
            var later = candidate.Period.Start >= other.Period.Start ? candidate : other;
            if (later.HandoverWindow is { } window && overlap.End is DateOnly end
                && window.Contains(overlap.Start) && window.Contains(end))
            {
                continue;
            }
            return other;
        }
        return null;
    }
}
