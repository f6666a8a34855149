using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>
/// Who is disabled comes from the run's one stream of decrypted health (decision 0026); who has the subsidy, from the
/// year's subsidy records (a few thousand rows), compared in memory.
/// </summary>
public sealed class DC07DisabledWithoutSubsidy : DataCheckRule
{
    public override string Code => "DC07";
    public override string Title => "残疾人员未享受残疾人两项补贴";
    public override string Explanation => "在册的残疾人员当年没有残疾人两项补贴（困难残疾人生活补贴、重度残疾人护理补贴）的发放记录（按本人或全户记录）。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;
    public override DataCheckTarget Target => DataCheckTarget.Member;
    public override bool ShowsHealth => true;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var year = source.Year;
        var subsidies = await source.Within(source.Db.BenefitRecords).Where(b => b.Year == year && b.Program!.Code == "DisabilitySubsidy")
            .Select(b => new { b.HouseholdId, b.MemberId }).ToListAsync(cancellationToken);
        var members = subsidies.Where(b => b.MemberId is not null).Select(b => b.MemberId!.Value).ToHashSet();
        var households = subsidies.Where(b => b.MemberId is null).Select(b => b.HouseholdId).ToHashSet();
        var without = (await source.DisabledMembersAsync(cancellationToken))
            .Where(m => !members.Contains(m.Key) && !households.Contains(m.Value.HouseholdId)).Select(m => m.Key).ToList();
        return await HitsOfIds.OfMembersAsync(source, without, Title, cancellationToken);
    }
}
