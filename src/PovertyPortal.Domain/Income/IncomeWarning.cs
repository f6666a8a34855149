using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Income;

/// <summary>Where a household's per-capita net income stands against the poverty line of its year.</summary>
public enum IncomeWarning
{
    /// <summary>低于贫困线.</summary>
    BelowLine,

    /// <summary>接近贫困线: at or above the line, below line × the near-line multiple.</summary>
    NearLine,

    /// <summary>已脱贫但低于贫困线: exited (in or before the year) and below the line.</summary>
    ExitedBelowLine,
}

public static class IncomeWarnings
{
    public static string Label(this IncomeWarning warning) => warning switch
    {
        IncomeWarning.BelowLine => "低于贫困线",
        IncomeWarning.NearLine => "接近贫困线",
        IncomeWarning.ExitedBelowLine => "已脱贫但低于贫困线",
        _ => warning.ToString(),
    };

    /// <summary>The flags of one household's year; empty when the income is comfortably above the line.</summary>
    public static IReadOnlyList<IncomeWarning> Of(decimal netIncomePerCapita, PovertyLine line, HouseholdStatus status, int? exitYear, int year)
    {
        var warnings = new List<IncomeWarning>();
        if (netIncomePerCapita < line.Amount)
        {
            warnings.Add(IncomeWarning.BelowLine);
            if (IsExitedBy(status, exitYear, year)) warnings.Add(IncomeWarning.ExitedBelowLine);
        }
        else if (netIncomePerCapita < line.Amount * line.NearLineMultiple)
        {
            warnings.Add(IncomeWarning.NearLine);
        }
        return warnings;
    }

    /// <summary>Exited, and not after the year looked at.</summary>
    public static bool IsExitedBy(HouseholdStatus status, int? exitYear, int year) =>
        status == HouseholdStatus.Exited && (exitYear is null || exitYear <= year);
}
