using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>One record a rule points at, and what trips it.</summary>
public sealed record DataCheckHit(string SubjectKey, int TownshipId, int VillageId, int? HouseholdId, int? MemberId, string Subject, string Detail);

/// <summary>
/// 比对规则: one check of the register, a class of its own under Rules/ (found by <see cref="DataCheckRules"/>; a new
/// rule needs nothing else). Its query runs in the database over the run's area and returns only the records that trip
/// it. A rule on a column encrypted with a random nonce (health, disability grade: decision 0016) cannot be a SQL
/// predicate; it narrows the rows in SQL as far as it can and reads the rest as a stream (decision 0026).
/// </summary>
public abstract class DataCheckRule
{
    /// <summary>DC01 …: stable, stored with every finding and every county's choice.</summary>
    public abstract string Code { get; }
    public abstract string Title { get; }

    /// <summary>What the rule checks and why it matters, for the rule list.</summary>
    public abstract string Explanation { get; }
    public abstract DataCheckSeverity Severity { get; }
    public abstract DataCheckTarget Target { get; }

    /// <summary>Its findings tell a member's health or disability: shown only to roles that may see health data.</summary>
    public virtual bool ShowsHealth => false;

    public abstract Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken);

    protected static string HouseholdSubject(string number, string? head) => head is null ? $"户 {number}" : $"户 {number}（户主 {head}）";

    internal static DataCheckHit HouseholdHit(DataCheckSource.HouseholdRow r, string detail) =>
        new(DataCheckLabels.KeyOf(DataCheckTarget.Household, r.Id), r.TownshipId, r.VillageId, r.Id, null, HouseholdSubject(r.HouseholdNumber, r.Head), detail);

    internal static DataCheckHit MemberHit(DataCheckSource.MemberRow r, string detail) =>
        new(DataCheckLabels.KeyOf(DataCheckTarget.Member, r.Id), r.TownshipId, r.VillageId, r.HouseholdId, r.Id,
            $"成员 {r.Name}（户 {r.HouseholdNumber}）", detail);

    protected static string Yuan(decimal amount) => amount.ToString("#,##0.##", CultureInfo.InvariantCulture) + " 元";
}

/// <summary>A rule whose whole test is one predicate on the household; the finding's detail is fixed text.</summary>
public abstract class HouseholdRule : DataCheckRule
{
    public override DataCheckTarget Target => DataCheckTarget.Household;

    protected abstract Expression<Func<Household, bool>> Trips(DataCheckSource source);

    /// <summary>The finding's detail; the title unless the rule says more.</summary>
    protected virtual string Detail => Title;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var rows = await source.HouseholdsWithHead(source.Households.Where(Trips(source))).ToListAsync(cancellationToken);
        return rows.Select(r => HouseholdHit(r, Detail)).ToList();
    }
}

/// <summary>A rule whose whole test is one predicate on a member; the finding's detail is fixed text.</summary>
public abstract class MemberRule : DataCheckRule
{
    public override DataCheckTarget Target => DataCheckTarget.Member;

    protected abstract Expression<Func<Member, bool>> Trips(DataCheckSource source);

    protected virtual string Detail => Title;

    public override async Task<IReadOnlyList<DataCheckHit>> FindAsync(DataCheckSource source, CancellationToken cancellationToken)
    {
        var rows = await source.MembersWithHousehold(source.Members.Where(Trips(source))).ToListAsync(cancellationToken);
        return rows.Select(r => MemberHit(r, Detail)).ToList();
    }
}
