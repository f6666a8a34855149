using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Web.Features.Income;

namespace PovertyPortal.Tests.Income;

public sealed class IncomeArithmeticTests
{
    private static IncomeRecord Record(decimal wage = 0, decimal operating = 0, decimal property = 0, decimal transfer = 0, decimal costs = 0,
        int measured = MonthSet.All, int projected = 0) => new()
    {
        WageIncome = wage, OperatingIncome = operating, PropertyIncome = property, TransferIncome = transfer, ProductionCosts = costs,
        MeasuredMonths = measured, ProjectedMonths = projected,
    };

    [Fact]
    public void A_whole_year_is_incomes_minus_costs_divided_by_members()
    {
        var f = IncomeArithmetic.Compute(Record(wage: 9_000, operating: 4_000, property: 200, transfer: 1_800, costs: 1_500), 3);
        Assert.Equal(13_500m, f.MeasuredNet);
        Assert.Equal(0m, f.ProjectedNet);
        Assert.Equal(13_500m, f.AnnualNet);
        Assert.Equal(4_500m, f.NetIncomePerCapita);
    }

    [Fact]
    public void A_partial_year_projects_the_measured_monthly_average_over_the_projected_months()
    {
        // 范文第2篇: October to May measured (8 months), June to September estimated (4 months).
        var measured = MonthSet.Of([10, 11, 12, 1, 2, 3, 4, 5]);
        var projected = MonthSet.Of([6, 7, 8, 9]);
        var f = IncomeArithmetic.Compute(Record(wage: 7_000, operating: 1_500, costs: 500, measured: measured, projected: projected), 2);
        Assert.Equal(8_000m, f.MeasuredNet);
        Assert.Equal(4_000m, f.ProjectedNet);
        Assert.Equal(12_000m, f.AnnualNet);
        Assert.Equal(6_000m, f.NetIncomePerCapita);
    }

    [Fact]
    public void Months_covered_neither_way_add_nothing_and_overlaps_count_once()
    {
        var f = IncomeArithmetic.Compute(Record(wage: 6_000, measured: MonthSet.Of([1, 2, 3, 4, 5, 6]), projected: MonthSet.Of([6, 7])), 1);
        Assert.Equal(6_000m, f.MeasuredNet);
        Assert.Equal(1_000m, f.ProjectedNet); // only July is projected; June is measured
        Assert.Equal(7_000m, f.AnnualNet);
    }

    [Fact]
    public void Amounts_round_half_away_from_zero_to_the_fen()
    {
        // 10,000 / 3 = 3,333.333… ; 7 measured months of 1,000 project 5 × 142.857… = 714.285… → 714.29.
        Assert.Equal(3_333.33m, IncomeArithmetic.Compute(Record(wage: 10_000), 3).NetIncomePerCapita);
        var f = IncomeArithmetic.Compute(Record(wage: 1_000, measured: MonthSet.Of(Enumerable.Range(1, 7)), projected: MonthSet.Of(Enumerable.Range(8, 5))), 1);
        Assert.Equal(714.29m, f.ProjectedNet);
        Assert.Equal(1_714.29m, f.AnnualNet);
        Assert.Equal(0.01m, IncomeArithmetic.Round(0.005m));
        Assert.Equal(-0.01m, IncomeArithmetic.Round(-0.005m));
    }

    [Fact]
    public void A_loss_year_gives_a_negative_net_income()
    {
        var f = IncomeArithmetic.Compute(Record(operating: 2_000, costs: 5_000), 2);
        Assert.Equal(-3_000m, f.AnnualNet);
        Assert.Equal(-1_500m, f.NetIncomePerCapita);
    }

    [Fact]
    public void Members_count_by_the_months_they_belonged_to_the_household()
    {
        var members = new[]
        {
            new IncomeArithmetic.MemberSpan(new DateOnly(1970, 5, 1), null), // the whole year: 12 months
            new IncomeArithmetic.MemberSpan(new DateOnly(2020, 7, 15), null), // born in July 2020: 6 months
            new IncomeArithmetic.MemberSpan(new DateOnly(1940, 1, 1), new DateOnly(2020, 3, 2)), // died in March 2020: 3 months
            new IncomeArithmetic.MemberSpan(new DateOnly(1938, 1, 1), new DateOnly(2019, 12, 31)), // died the year before: 0
            new IncomeArithmetic.MemberSpan(new DateOnly(2021, 2, 1), null), // born the year after: 0
        };
        Assert.Equal(1.75m, IncomeArithmetic.MemberYears(members, 2020)); // 21 months
        Assert.Equal(2.00m, IncomeArithmetic.MemberYears(members[..3], 2019)); // the baby is not born yet, grandfather there all year
    }

    [Fact]
    public void Person_years_round_to_hundredths_and_change_the_per_capita_income()
    {
        var members = new[] { new IncomeArithmetic.MemberSpan(new DateOnly(1980, 1, 1), null), new IncomeArithmetic.MemberSpan(new DateOnly(2020, 12, 3), null) };
        var memberYears = IncomeArithmetic.MemberYears(members, 2020); // 13 months = 1.0833… → 1.08
        Assert.Equal(1.08m, memberYears);
        var record = Record(wage: 5_000);
        IncomeArithmetic.Apply(record, memberYears);
        Assert.Equal(4_629.63m, record.NetIncomePerCapita);
        Assert.Equal(1.08m, record.MemberYears);
    }

    [Fact]
    public void Month_sets_describe_runs_in_Chinese()
    {
        Assert.Equal("1—5月、10—12月", MonthSet.Describe(MonthSet.Of([1, 2, 3, 4, 5, 10, 11, 12])));
        Assert.Equal("7月", MonthSet.Describe(MonthSet.Of([7])));
        Assert.Equal("无", MonthSet.Describe(0));
        Assert.Equal(12, MonthSet.Count(MonthSet.All));
    }
}

public sealed class IncomeWarningTests
{
    private static readonly PovertyLine Line = new() { Year = 2020, Province = PovertyLine.Nationwide, Amount = 4_100m, NearLineMultiple = 1.5m };

    [Theory]
    [InlineData(4_099.99, HouseholdStatus.Identified, new[] { IncomeWarning.BelowLine })]
    [InlineData(4_100.00, HouseholdStatus.Identified, new[] { IncomeWarning.NearLine })]
    [InlineData(6_149.99, HouseholdStatus.Exited, new[] { IncomeWarning.NearLine })]
    [InlineData(6_150.00, HouseholdStatus.Exited, new IncomeWarning[0])]
    [InlineData(3_000.00, HouseholdStatus.Exited, new[] { IncomeWarning.BelowLine, IncomeWarning.ExitedBelowLine })]
    public void Warnings_follow_the_line_and_the_multiple(double perCapita, HouseholdStatus status, IncomeWarning[] expected)
    {
        Assert.Equal(expected, IncomeWarnings.Of((decimal)perCapita, Line, status, 2019, 2020));
    }

    [Fact]
    public void A_household_that_exits_after_the_year_is_not_exited_below_the_line_in_it()
    {
        Assert.Equal([IncomeWarning.BelowLine], IncomeWarnings.Of(3_000m, Line, HouseholdStatus.Exited, 2021, 2020));
    }

    [Fact]
    public void The_near_line_multiple_is_configurable()
    {
        var line = new PovertyLine { Year = 2020, Province = "湖北省", Amount = 4_100m, NearLineMultiple = 1.2m };
        Assert.Empty(IncomeWarnings.Of(5_000m, line, HouseholdStatus.Identified, null, 2020));
    }

    [Fact]
    public void A_province_line_wins_over_the_nationwide_one()
    {
        var lines = new[] { Line, new PovertyLine { Year = 2020, Province = "湖北省", Amount = 4_200m } };
        Assert.Equal(4_200m, PovertyLines.Pick(lines, "湖北省")!.Amount);
        Assert.Equal(4_100m, PovertyLines.Pick(lines, "河南省")!.Amount);
    }
}

public sealed class SaveIncomeRecordValidatorTests
{
    private readonly SaveIncomeRecord.Validator validator = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero)));

    private static SaveIncomeRecord.Command Valid() => new()
    {
        HouseholdId = 1, Year = 2020, WageIncome = 8_000, OperatingIncome = 3_000, PropertyIncome = 0, TransferIncome = 1_200, ProductionCosts = 800,
    };

    private Dictionary<string, string> Errors(SaveIncomeRecord.Command c) =>
        validator.Validate(c).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void A_complete_year_is_valid() => Assert.True(validator.Validate(Valid()).IsValid);

    [Fact]
    public void Negative_or_missing_incomes_are_refused_in_Chinese()
    {
        var c = Valid();
        c.WageIncome = -1;
        c.TransferIncome = null;
        var errors = Errors(c);
        Assert.Equal("工资性收入不能为负数", errors[nameof(c.WageIncome)]);
        Assert.Equal("请填写转移性收入（没有请填0）", errors[nameof(c.TransferIncome)]);
    }

    [Fact]
    public void Costs_above_operating_income_need_the_loss_confirmed()
    {
        var c = Valid();
        c.ProductionCosts = 3_500;
        Assert.Equal(SaveIncomeRecord.LossMessage, Errors(c)[nameof(c.ProductionCosts)]);
        c.ConfirmLoss = true;
        Assert.True(validator.Validate(c).IsValid);
    }

    [Fact]
    public void Months_must_be_1_to_12_measured_at_least_once_and_never_both()
    {
        var c = Valid();
        c.MeasuredMonths = [];
        Assert.Equal("请至少选择一个实测月份", Errors(c)[nameof(c.MeasuredMonths)]);
        c.MeasuredMonths = [0, 13];
        Assert.Equal("月份应在1至12之间", Errors(c)[nameof(c.MeasuredMonths)]);
        c.MeasuredMonths = [1, 2, 3];
        c.ProjectedMonths = [3, 4];
        Assert.Equal("3月既是实测月份又是预估月份，请只选其一", Errors(c)[nameof(c.ProjectedMonths)]);
    }

    [Fact]
    public void Years_and_fen_are_checked()
    {
        var c = Valid();
        c.Year = 2027;
        c.PropertyIncome = 1.234m;
        var errors = Errors(c);
        Assert.Equal("年度应在2013至2026年之间", errors[nameof(c.Year)]);
        Assert.Equal("财产性收入最多保留两位小数", errors[nameof(c.PropertyIncome)]);
    }
}
