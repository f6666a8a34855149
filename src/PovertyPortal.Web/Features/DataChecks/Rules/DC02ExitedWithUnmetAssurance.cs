using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC02ExitedWithUnmetAssurance : DataCheckRule
{
    /// <summary>两不愁三保障 and safe drinking water: the items an exit stands on (electricity and television are not).</summary>
    private static readonly AssuranceItemKind[] ExitItems =
    [
        AssuranceItemKind.Food, AssuranceItemKind.Clothing, AssuranceItemKind.CompulsoryEducation, AssuranceItemKind.BasicMedical,
        AssuranceItemKind.HousingSafety, AssuranceItemKind.DrinkingWaterQuality, AssuranceItemKind.DrinkingWaterQuantity,
    ];

    public override string Code => "DC02";
    public override string Title => "已脱贫户“两不愁三保障”有未达标项";
    public override string Explanation => "脱贫须做到不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障，饮水安全：当年核查中有未达标项的户不应标为已脱贫。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;
    public override DataCheckTarget Target => DataCheckTarget.Household;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var year = source.Year;
        var exited = source.Households.Where(h => h.Status == HouseholdStatus.Exited && h.ExitYear <= year);
        var unmet = await source.Within(source.Db.AssuranceItems)
            .Where(i => !i.Met && ExitItems.Contains(i.Kind))
            .Join(source.Within(source.Db.AssuranceChecks).Where(c => c.Year == year && exited.Any(h => h.Id == c.HouseholdId)),
                i => i.AssuranceCheckId, c => c.Id, (i, c) => new { c.HouseholdId, i.Kind })
            .ToListAsync(cancellationToken);
        var details = unmet.GroupBy(u => u.HouseholdId).ToDictionary(g => g.Key,
            g => $"{year}年核查未达标：" + string.Join("、", g.Select(u => u.Kind).Distinct().Order().Select(k => k.Label())));
        return await HitsOfIds.OfHouseholdsAsync(source, details, cancellationToken);
    }
}
