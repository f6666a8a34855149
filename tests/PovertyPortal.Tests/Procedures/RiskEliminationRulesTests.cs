using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using static PovertyPortal.Tests.Procedures.ProcedureCases;

namespace PovertyPortal.Tests.Procedures;

/// <summary>When a monitored household's risk may be eliminated: labour, months since intake, and the income years.</summary>
public sealed class RiskEliminationRulesTests
{
    private static readonly DateOnly Monitored = new(2025, 3, 1);
    private static readonly DateOnly AsOf = new(2026, 3, 20);
    private static readonly ProcedureRules Rules = ProcedureRules.Defaults(1);

    private static IncomeYear Above(int year) => new(year, 9800m, 7300m);

    private static IncomeYear Below(int year) => new(year, 6100m, 7300m);

    [Fact]
    public void A_household_stable_above_the_line_for_the_months_with_labour_may_be_eliminated() =>
        Ok(RiskEliminationRules.Check(Monitored, AsOf, Rules, [Above(2025)], hasLabour: true));

    [Fact]
    public void Without_labour_the_household_stays_monitored_while_the_county_keeps_the_rule()
    {
        var refusal = Refused(RiskEliminationRules.Check(Monitored, AsOf, Rules, [Above(2025)], hasLabour: false));
        Assert.Contains("没有具备劳动能力的成员", refusal);
        Assert.Contains("本县规则", refusal);

        var lenient = new ProcedureRules { KeepMonitoringWithoutLabour = false };
        Ok(RiskEliminationRules.Check(Monitored, AsOf, lenient, [Above(2025)], hasLabour: false));
    }

    [Fact]
    public void The_stable_months_count_from_the_day_of_intake_by_the_countys_rule()
    {
        var refusal = Refused(RiskEliminationRules.Check(new DateOnly(2025, 10, 1), new DateOnly(2026, 3, 31), Rules, [Above(2025)], hasLabour: true));
        Assert.Equal("该户于2025年10月1日纳入监测，收入须持续稳定满6个月（本县规定），2026年4月1日以后方可标注风险消除", refusal);
        Ok(RiskEliminationRules.Check(new DateOnly(2025, 10, 1), new DateOnly(2026, 4, 1), Rules, [Above(2025)], hasLabour: true));

        var yearly = new ProcedureRules { StableIncomeMonths = 12 };
        Assert.Contains("满12个月", Refused(RiskEliminationRules.Check(new DateOnly(2025, 10, 1), new DateOnly(2026, 4, 1), yearly, [Above(2025)], hasLabour: true)));
    }

    [Fact]
    public void Without_an_income_record_of_this_or_last_year_nothing_shows_the_income_is_stable()
    {
        Assert.Contains("没有本年度或上年度的收入核算", Refused(RiskEliminationRules.Check(new DateOnly(2023, 3, 1), AsOf, Rules, [Above(2023), Above(2024)], hasLabour: true)));
        Assert.Contains("请先核算收入", Refused(RiskEliminationRules.Check(Monitored, AsOf, Rules, [], hasLabour: true)));
        Ok(RiskEliminationRules.Check(Monitored, AsOf, Rules, [Above(2026)], hasLabour: true));
    }

    [Fact]
    public void An_income_record_before_the_intake_does_not_count()
    {
        // Intake in January 2026: the 2025 record is the year that brought it in, not a year of its recovery.
        Refused(RiskEliminationRules.Check(new DateOnly(2026, 1, 5), new DateOnly(2026, 9, 1), Rules, [Above(2025)], hasLabour: true));
    }

    [Fact]
    public void A_recent_year_below_the_line_is_refused_with_its_figures()
    {
        Assert.Equal("该户2025年人均纯收入6100元，低于监测收入线7300元，收入尚不稳定",
            Refused(RiskEliminationRules.Check(Monitored, AsOf, Rules, [Below(2025)], hasLabour: true)));
        Assert.Contains("2026年", Refused(RiskEliminationRules.Check(Monitored, AsOf, Rules, [Above(2025), Below(2026)], hasLabour: true)));
    }

    [Fact]
    public void The_low_year_that_brought_the_household_in_does_not_hold_it_in_monitoring_for_ever()
    {
        // Taken in during 2023 for a low year; above the line ever since.
        var incomes = new[] { Below(2023), Above(2024), Above(2025) };
        Ok(RiskEliminationRules.Check(new DateOnly(2023, 11, 1), AsOf, Rules, incomes, hasLabour: true));
    }

    [Fact]
    public void A_household_of_older_data_without_a_day_of_intake_is_judged_on_this_and_last_year()
    {
        Ok(RiskEliminationRules.Check(null, AsOf, Rules, [Below(2023), Above(2025)], hasLabour: true));
        Refused(RiskEliminationRules.Check(null, AsOf, Rules, [Below(2025), Above(2026)], hasLabour: true));
    }

    [Fact]
    public void Full_weak_and_partial_workers_count_as_labour_the_deceased_and_those_unable_do_not()
    {
        static Member M(LabourAbility a, bool deceased = false) => new() { Name = "某", ResidentId = "", LabourAbility = a, IsDeceased = deceased };

        Assert.True(RiskEliminationRules.HasLabour([M(LabourAbility.None), M(LabourAbility.WeakOrPartial)]));
        Assert.True(RiskEliminationRules.HasLabour([M(LabourAbility.Skilled)]));
        Assert.True(RiskEliminationRules.HasLabour([M(LabourAbility.Ordinary)]));
        Assert.False(RiskEliminationRules.HasLabour([M(LabourAbility.Lost), M(LabourAbility.None)]));
        Assert.False(RiskEliminationRules.HasLabour([M(LabourAbility.Ordinary, deceased: true), M(LabourAbility.Lost)]));
        Assert.False(RiskEliminationRules.HasLabour([]));
    }
}
