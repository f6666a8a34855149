using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Microloans;

namespace PovertyPortal.Tests.Assurance;

public sealed class AssuranceRulesTests
{
    private static AssuranceRules.MemberFacts M(string name, int birthYear, SchoolingStatus s = SchoolingStatus.NotInSchool, bool insured = true, bool dead = false) =>
        new(name, new DateOnly(birthYear, 3, 1), s, insured, dead);

    [Fact]
    public void Every_child_of_6_to_15_must_be_at_school()
    {
        var ok = AssuranceRules.Education([M("父", 1980), M("子", 2010, SchoolingStatus.JuniorHigh), M("女", 2016, SchoolingStatus.Preschool)], 2020);
        Assert.True(ok.Met); // the daughter is 4 on 31 August 2020
        var dropped = AssuranceRules.Education([M("父", 1980), M("刘小明", 2008, SchoolingStatus.DroppedOut)], 2020);
        Assert.False(dropped.Met);
        Assert.Equal("6—15岁未在校：刘小明（辍学）", dropped.Reason);
        // A 16-year-old out of school is past compulsory education.
        Assert.True(AssuranceRules.Education([M("子", 2004)], 2020).Met);
    }

    [Fact]
    public void Every_living_member_must_be_insured()
    {
        Assert.True(AssuranceRules.Medical([M("父", 1950, insured: false, dead: true), M("母", 1952)]).Met);
        var missing = AssuranceRules.Medical([M("刘海明", 1950, insured: false), M("母", 1952)]);
        Assert.False(missing.Met);
        Assert.Equal("未参保：刘海明", missing.Reason);
    }

    [Theory]
    [InlineData(HousingGrade.A, false, true)]
    [InlineData(HousingGrade.B, false, true)]
    [InlineData(HousingGrade.C, false, false)]
    [InlineData(HousingGrade.D, false, false)]
    [InlineData(HousingGrade.D, true, true)]
    public void Dangerous_houses_fail_unless_the_household_was_relocated(HousingGrade grade, bool relocated, bool met) =>
        Assert.Equal(met, AssuranceRules.Housing(grade, relocated)!.Met);

    [Fact]
    public void Items_the_register_cannot_judge_have_no_computed_answer()
    {
        Assert.Null(AssuranceRules.For(AssuranceItemKind.Food, [], 2020, null, false));
        Assert.Null(AssuranceRules.Housing(null, false));
    }

    [Fact]
    public void Overdue_status_and_rate()
    {
        var asOf = new DateOnly(2020, 6, 1);
        Assert.Equal(MicroloanStatus.Overdue, MicroloanRules.StatusOn(30_000, 10_000, new DateOnly(2020, 5, 31), asOf));
        Assert.Equal(MicroloanStatus.Current, MicroloanRules.StatusOn(30_000, 10_000, asOf, asOf));
        Assert.Equal(MicroloanStatus.Repaid, MicroloanRules.StatusOn(30_000, 30_000, new DateOnly(2019, 1, 1), asOf));
        Assert.Equal(0.004m, MicroloanRules.OverdueRate(2_000, 500_000));
        Assert.True(MicroloanRules.OverdueRate(3_000, 500_000) > MicroloanRules.OverdueRateThreshold);
        Assert.Equal(0m, MicroloanRules.OverdueRate(0, 0));
    }
}
