using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Procedures;

/// <summary>One year's per-capita net income of a household and the line it is held to (防返贫监测收入线, else 贫困线).</summary>
public sealed record IncomeYear(int Year, decimal PerCapita, decimal Line);

/// <summary>
/// When a monitored household's risk may be eliminated (风险消除): its income stable above the line for the county's months
/// since it was taken in, and, where the county keeps the rule, someone in it able to work; a household living on
/// transfers alone stays monitored with its support.
/// </summary>
public static class RiskEliminationRules
{
    public static RuleResult Check(DateOnly? monitoredOn, DateOnly asOf, ProcedureRules rules, IReadOnlyList<IncomeYear> incomes, bool hasLabour)
    {
        if (rules.KeepMonitoringWithoutLabour && !hasLabour)
        {
            return RuleResult.Refused("该户没有具备劳动能力的成员，按本县规则不标注风险消除，应继续监测并落实兜底保障措施");
        }
        if (monitoredOn is { } from && from.AddMonths(rules.StableIncomeMonths) > asOf)
        {
            return RuleResult.Refused($"该户于{from:yyyy年M月d日}纳入监测，收入须持续稳定满{rules.StableIncomeMonths}个月（本县规定），" +
                $"{from.AddMonths(rules.StableIncomeMonths):yyyy年M月d日}以后方可标注风险消除");
        }
        // This year and last, and none before the intake: the low year that brought the household in must not keep
        // it monitored once later years stand above the line.
        var since = Math.Max(monitoredOn?.Year ?? 0, asOf.Year - 1);
        var relevant = incomes.Where(i => i.Year >= since && i.Year <= asOf.Year).OrderBy(i => i.Year).ToList();
        if (!relevant.Any(i => i.Year >= asOf.Year - 1))
        {
            return RuleResult.Refused("该户没有本年度或上年度的收入核算，无法判断收入是否稳定，请先核算收入");
        }
        if (relevant.FirstOrDefault(i => i.PerCapita < i.Line) is { } low)
        {
            return RuleResult.Refused($"该户{low.Year}年人均纯收入{low.PerCapita:0}元，低于监测收入线{low.Line:0}元，收入尚不稳定");
        }
        return RuleResult.Ok;
    }

    /// <summary>Whether a living member can work, fully or partly (弱劳动力、半劳动力 count).</summary>
    public static bool HasLabour(IEnumerable<Member> members) =>
        members.Any(m => !m.IsDeceased && m.LabourAbility is LabourAbility.Ordinary or LabourAbility.Skilled or LabourAbility.WeakOrPartial);
}
