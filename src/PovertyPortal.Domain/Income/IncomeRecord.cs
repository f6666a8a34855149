using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Income;

/// <summary>
/// A household's income of one year (收入核算). The amounts are what was measured in <see cref="MeasuredMonths"/>;
/// the <see cref="ProjectedMonths"/> are estimated from them. The derived figures are computed by
/// <see cref="IncomeArithmetic"/> when the record is saved and stored, so lists can filter on them in the database.
/// </summary>
public class IncomeRecord : IAuditable, IAreaBound, IVersioned, IYearBound
{
    public int Id { get; set; }

    /// <summary>The concurrency token, renewed at every save (IVersioned).</summary>
    public Guid Version { get; set; }
    public int HouseholdId { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int VillageId { get; set; }
    public int Year { get; set; }

    public decimal WageIncome { get; set; }
    public decimal OperatingIncome { get; set; }
    public decimal PropertyIncome { get; set; }
    public decimal TransferIncome { get; set; }
    public decimal ProductionCosts { get; set; }

    /// <summary>Months (1–12) the amounts were measured in, as bits (bit 0 = January); see <see cref="MonthSet"/>.</summary>
    public int MeasuredMonths { get; set; }

    /// <summary>Months estimated from the measured ones; never overlapping them.</summary>
    public int ProjectedMonths { get; set; }

    /// <summary>Net income of the measured months (incomes − costs).</summary>
    public decimal MeasuredNet { get; set; }

    /// <summary>Net income estimated for the projected months: the measured monthly average times their number.</summary>
    public decimal ProjectedNet { get; set; }

    /// <summary>Measured + projected net income.</summary>
    public decimal AnnualNet { get; set; }

    /// <summary>Household members in the year, counted by the months each belonged to it (a baby born in July is 0.5).</summary>
    public decimal MemberYears { get; set; }

    /// <summary>人均纯收入: <see cref="AnnualNet"/> / <see cref="MemberYears"/>, rounded to 0.01 元.</summary>
    public decimal NetIncomePerCapita { get; set; }
    public string? Note { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
}
