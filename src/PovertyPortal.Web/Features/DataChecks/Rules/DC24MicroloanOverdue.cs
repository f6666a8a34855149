using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

public sealed class DC24MicroloanOverdue : DataCheckRule
{
    public override string Code => "DC24";
    public override string Title => "扶贫小额信贷逾期";
    public override string Explanation => "到期未还清的扶贫小额信贷：逾期率须控制在0.5%以内，应督促还款或办理续贷、展期。";
    public override DataCheckSeverity Severity => DataCheckSeverity.High;
    public override DataCheckTarget Target => DataCheckTarget.Microloan;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var today = source.Today;
        var loans = await source.Within(source.Db.Microloans)
            .Where(l => l.Repaid < l.Principal && l.DueDate < today)
            .Select(l => new { l.Id, l.HouseholdId, l.Principal, l.Repaid, l.DueDate })
            .ToListAsync(cancellationToken);
        var households = new Dictionary<int, DataCheckHit>();
        foreach (var page in loans.Select(l => l.HouseholdId).Distinct().Chunk(2000))
        {
            foreach (var h in await source.HouseholdsWithHead(source.Households.Where(h => page.Contains(h.Id))).ToListAsync(cancellationToken))
            {
                households[h.Id] = HouseholdHit(h, "");
            }
        }
        return loans.Where(l => households.ContainsKey(l.HouseholdId)).Select(l => households[l.HouseholdId] with
        {
            SubjectKey = DataCheckLabels.KeyOf(DataCheckTarget.Microloan, l.Id),
            Detail = $"贷款本金 {Yuan(l.Principal)}，{l.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} 到期，尚欠 {Yuan(l.Principal - l.Repaid)}",
        }).ToList();
    }
}
