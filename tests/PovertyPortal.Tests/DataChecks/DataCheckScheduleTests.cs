using PovertyPortal.Web.Features.DataChecks;

namespace PovertyPortal.Tests.DataChecks;

public sealed class DataCheckScheduleTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public void The_nightly_run_waits_until_tonight_when_the_hour_is_still_ahead()
    {
        var now = new DateTimeOffset(2026, 12, 7, 1, 0, 0, Beijing);
        Assert.Equal(TimeSpan.FromMinutes(90), NightlyDataChecks.UntilNext(now, new TimeOnly(2, 30)));
    }

    [Fact]
    public void The_nightly_run_waits_until_tomorrow_once_the_hour_has_passed_or_is_now()
    {
        Assert.Equal(TimeSpan.FromHours(23), NightlyDataChecks.UntilNext(new DateTimeOffset(2026, 12, 7, 3, 30, 0, Beijing), new TimeOnly(2, 30)));
        Assert.Equal(TimeSpan.FromDays(1), NightlyDataChecks.UntilNext(new DateTimeOffset(2026, 12, 7, 2, 30, 0, Beijing), new TimeOnly(2, 30)));
    }

    [Fact]
    public void Every_rule_has_a_unique_code_a_chinese_title_and_an_explanation()
    {
        var rules = new DataCheckRules().All;
        Assert.True(rules.Count >= 30);
        Assert.Equal(rules.Count, rules.Select(r => r.Code).Distinct().Count());
        Assert.All(rules, r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.Title));
        Assert.All(rules, r => Assert.EndsWith("。", r.Explanation));
    }
}
