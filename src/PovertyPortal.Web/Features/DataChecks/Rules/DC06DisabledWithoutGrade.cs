using PovertyPortal.Domain.DataChecks;

namespace PovertyPortal.Web.Features.DataChecks.Rules;

/// <summary>
/// Health and grade are encrypted with a random nonce (decision 0016), so no SQL predicate can read them: the run reads
/// the register's disabled members once as a stream (DataCheckSource.DisabledMembersAsync, decision 0026).
/// </summary>
public sealed class DC06DisabledWithoutGrade : DataCheckRule
{
    public override string Code => "DC06";
    public override string Title => "残疾人员未填残疾等级";
    public override string Explanation => "健康状况为残疾的成员须填写残疾等级（一至四级），残疾人两项补贴和因残致贫认定依据它。";
    public override DataCheckSeverity Severity => DataCheckSeverity.Medium;
    public override DataCheckTarget Target => DataCheckTarget.Member;
    public override bool ShowsHealth => true;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var disabled = await source.DisabledMembersAsync(cancellationToken);
        var ids = disabled.Where(m => m.Value.Grade is null).Select(m => m.Key).ToList();
        return await HitsOfIds.OfMembersAsync(source, ids, Title, cancellationToken);
    }
}
