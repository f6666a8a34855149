namespace PovertyPortal.Domain.Income;

/// <summary>
/// The income figures of one household and year, computed the same way everywhere (form preview, save, import, tests).
/// Amounts are rounded half away from zero to 0.01 元, once, at each figure that is shown or stored.
/// </summary>
public static class IncomeArithmetic
{
    public sealed record Figures(decimal MeasuredNet, decimal ProjectedNet, decimal AnnualNet, decimal MemberYears, decimal NetIncomePerCapita);

    /// <summary>One member's dates, as far as the register knows them.</summary>
    public sealed record MemberSpan(DateOnly BirthDate, DateOnly? DeceasedOn);

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    public static Figures Compute(IncomeRecord r, decimal memberYears)
    {
        var measuredMonths = MonthSet.Count(r.MeasuredMonths);
        var projectedMonths = MonthSet.Count(r.ProjectedMonths & ~r.MeasuredMonths);
        var measured = r.WageIncome + r.OperatingIncome + r.PropertyIncome + r.TransferIncome - r.ProductionCosts;
        // The estimate continues the measured months' average: 8 measured months of 4,000 元 project 2,000 for 4 more.
        var projected = measuredMonths == 0 ? 0m : measured / measuredMonths * projectedMonths;
        var measuredRounded = Round(measured);
        var projectedRounded = Round(projected);
        var annual = measuredRounded + projectedRounded;
        var perCapita = memberYears <= 0 ? 0m : Round(annual / memberYears);
        return new Figures(measuredRounded, projectedRounded, annual, memberYears, perCapita);
    }

    /// <summary>Computes the figures and stores them on the record.</summary>
    public static Figures Apply(IncomeRecord r, decimal memberYears)
    {
        var f = Compute(r, memberYears);
        (r.MeasuredNet, r.ProjectedNet, r.AnnualNet, r.MemberYears, r.NetIncomePerCapita) =
            (f.MeasuredNet, f.ProjectedNet, f.AnnualNet, f.MemberYears, f.NetIncomePerCapita);
        return f;
    }

    /// <summary>
    /// Members in <paramref name="year"/>, each counted by the months of the year they belonged to the household:
    /// from the month of birth, up to and including the month of death. Rounded to 0.01 (a person-year).
    /// </summary>
    public static decimal MemberYears(IEnumerable<MemberSpan> members, int year)
    {
        var months = 0;
        foreach (var m in members)
        {
            var first = m.BirthDate.Year > year ? 13 : m.BirthDate.Year == year ? m.BirthDate.Month : 1;
            var last = m.DeceasedOn is not { } died ? 12 : died.Year < year ? 0 : died.Year == year ? died.Month : 12;
            if (last >= first) months += last - first + 1;
        }
        return Round(months / 12m);
    }
}
