using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.VillageWork;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC32ExitedVillageCollectiveIncomeLow : DataCheckRule
{
    public override string Code => "DC32";
    public override string Title => "已出列贫困村集体经营性收入不足5万元";
    public override string Explanation => "贫困村出列要求村集体有稳定的经营性收入，一般不低于每年5万元：当年收入不足（或未填报）的已出列村须巩固。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;
    public override DataCheckTarget Target => DataCheckTarget.Village;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var year = source.Year;
        var scope = source.Db.Scope;
        var villages = source.Db.Villages.AsNoTracking().Where(v => v.IsPovertyVillage && !v.IsRetired && v.PovertyExitYear <= year);
        if (scope.CountyId is int county) villages = villages.Where(v => v.CountyId == county);
        if (scope.TownshipId is int township) villages = villages.Where(v => v.TownshipId == township);
        if (scope.VillageId is int village) villages = villages.Where(v => v.Id == village);
        var rows = await villages.Select(v => new
            {
                v.Id, v.TownshipId, v.Name,
                Stable = source.Db.CollectiveIncomeEntries.Where(e => e.VillageId == v.Id && e.Year == year && e.IsStableOperating).Sum(e => (decimal?)e.Amount) ?? 0m,
            })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Stable < CollectiveIncomeEntry.Indicator)
            .Select(r => new DataCheckHit(DataCheckLabels.KeyOf(DataCheckTarget.Village, r.Id), r.TownshipId, r.Id, null, null, $"村 {r.Name}",
                $"{year}年村集体经营性收入 {Yuan(r.Stable)}，低于 {Yuan(CollectiveIncomeEntry.Indicator)}"))
            .ToList();
    }
}
