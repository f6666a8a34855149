using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Snapshots;

namespace PovertyPortal.Web.Features.Snapshots;

/// <summary>
/// 年度变化: every household whose standing, category, size (家庭人口) or income differs between a snapshot and a later
/// snapshot (or the live register at a year's end), each with a reason told by what the portal recorded in between:
/// the status history (新识别, 脱贫, 返贫, 清退), the members (births and deaths: 自然增减), the field history (类别调整),
/// the monitoring dates, the income record's year; a change whose year fields place it before the earlier snapshot's year
/// end is 数据纠错. Anything else is 待说明 until a user gives the reason (ExplainSnapshotChange), which is kept beside
/// the pair of snapshots. Read in the user's scope; members, steps and history are read only for the changed households.
/// </summary>
public sealed class GetSnapshotChanges(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    /// <param name="ToSnapshotId">The later snapshot; null for the live register, standing at the end of <paramref name="LiveYear"/>.</param>
    public sealed record Query(int FromSnapshotId, int? ToSnapshotId, int? LiveYear = null);

    public sealed record Change(
        int HouseholdId, string HouseholdNumber, string? HeadName, int TownshipId, int VillageId, string TownshipName, string VillageName,
        SnapshotChangeKind Kind, string FromStanding, string ToStanding, PovertyCategory? FromCategory, PovertyCategory? ToCategory,
        int? FromSize, int? ToSize, decimal? FromIncome, decimal? ToIncome, SnapshotChangeReason Reason, bool GivenByUser, string? Note);

    public sealed record Result(
        YearEndSnapshot From, YearEndSnapshot? To, int ToYear, IReadOnlyList<Change> Changes,
        IReadOnlyDictionary<SnapshotChangeReason, int> PerReason, IReadOnlyList<(string Township, string Village, int Changes, int Unexplained)> PerVillage)
    {
        public string ToLabel => To?.Label ?? $"实时登记库（按{ToYear}年末口径）";
    }

    /// <summary>One side of the comparison, as much of a household as the diff needs.</summary>
    private sealed record Side(
        int HouseholdId, string HouseholdNumber, string? HeadName, int TownshipId, int VillageId, HouseholdStatus Status,
        int? IdentificationYear, int? ExitYear, bool IsRegistered, bool IsExited, bool IsMonitored, bool IsRiskEliminated,
        DateOnly? MonitoringIdentifiedOn, DateOnly? RiskEliminatedOn, PovertyCategory? Category, int LivingMembers, long? IncomeFen)
    {
        public string Standing => (IsRegistered ? IsExited ? "已脱贫" : "未脱贫" : Status == HouseholdStatus.Removed ? "已清退" : "非建档立卡")
            + (IsMonitored ? IsRiskEliminated ? "·监测（已消除风险）" : "·监测对象" : "");
    }

    private sealed record MemberFacts(int MemberId, int HouseholdId, DateOnly BirthDate, bool IsDeceased);

    public async Task<Result?> HandleAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var from = await db.YearEndSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == query.FromSnapshotId, cancellationToken);
        if (from is null) return null;
        YearEndSnapshot? to = null;
        if (query.ToSnapshotId is int toId)
        {
            to = await db.YearEndSnapshots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == toId && s.CountyId == from.CountyId, cancellationToken);
            if (to is null) return null;
        }
        var toYear = to?.Year ?? query.LiveYear ?? PortalYears.ThisYear(clock);

        var before = await SnapshotSideAsync(db, from, cancellationToken);
        var after = to is null ? await LiveSideAsync(db, from.CountyId, toYear, cancellationToken) : await SnapshotSideAsync(db, to, cancellationToken);

        var changed = new List<(Side? Before, Side? After, SnapshotChangeKind Kind)>();
        foreach (var (id, b) in before)
        {
            var a = after.GetValueOrDefault(id);
            var kind = KindOf(b, a);
            if (kind != SnapshotChangeKind.None) changed.Add((b, a, kind));
        }
        foreach (var (id, a) in after)
        {
            // A household new since the earlier snapshot counts when it entered a standing.
            if (!before.ContainsKey(id) && (a.IsRegistered || a.IsMonitored)) changed.Add((null, a, SnapshotChangeKind.Standing));
        }

        // The status history is read only for the households whose standing changed: income alone changes for most.
        var ids = changed.Where(c => c.Kind.HasFlag(SnapshotChangeKind.Standing)).Select(c => (c.After ?? c.Before)!.HouseholdId).ToList();
        var steps = await ChunkedAsync(ids, chunk => db.HouseholdStatusChanges.AsNoTracking().Where(s => chunk.Contains(s.HouseholdId))
            .Select(s => new { s.HouseholdId, s.Status, s.Year, s.EffectiveOn }), cancellationToken);
        var frozenOn = Documents.ChineseFormat.BeijingTime(from.FrozenAt).Date;
        var stepsAfter = steps.Where(s => s.Year > from.Year || s.EffectiveOn.ToDateTime(TimeOnly.MinValue) > frozenOn)
            .ToLookup(s => s.HouseholdId, s => s.Status);
        var categoryIds = changed.Where(c => c.Kind.HasFlag(SnapshotChangeKind.Category)).Select(c => c.Before!.HouseholdId).ToList();
        var categoryEdited = (await ChunkedAsync(categoryIds, chunk => db.FieldChanges.AsNoTracking()
                .Where(f => f.HouseholdId != null && chunk.Contains(f.HouseholdId.Value) && f.EntityType == nameof(Household)
                    && f.Field == nameof(Household.Category) && f.At > from.FrozenAt)
                .Select(f => f.HouseholdId!.Value), cancellationToken)).ToHashSet();
        var sizeIds = changed.Where(c => c.Kind.HasFlag(SnapshotChangeKind.Size)).Select(c => c.Before!.HouseholdId).ToList();
        var membersBefore = (await MembersAsync(db, from.Id, sizeIds, cancellationToken)).ToLookup(m => m.HouseholdId);
        var membersAfter = (to is null ? await LiveMembersAsync(db, sizeIds, cancellationToken) : await MembersAsync(db, to.Id, sizeIds, cancellationToken))
            .ToLookup(m => m.HouseholdId);
        var given = to is null ? [] : await db.SnapshotChangeExplanations.AsNoTracking()
            .Where(e => e.FromSnapshotId == from.Id && e.ToSnapshotId == to.Id)
            .ToDictionaryAsync(e => e.HouseholdId, cancellationToken);
        var villages = await db.Villages.AsNoTracking().Where(v => v.CountyId == from.CountyId)
            .Select(v => new { v.Id, v.Name, v.AdminCode, Township = v.Township!.Name }).ToDictionaryAsync(v => v.Id, cancellationToken);

        var changes = new List<Change>();
        foreach (var (b, a, kind) in changed)
        {
            var id = (a ?? b)!.HouseholdId;
            var reason = Reason(b, a, kind, from.Year, toYear, stepsAfter[id].ToList(), categoryEdited.Contains(id),
                () => NaturalOnly(membersBefore[id].ToList(), membersAfter[id].ToList(), from.Year));
            var explanation = given.GetValueOrDefault(id);
            var any = (a ?? b)!;
            var village = villages.GetValueOrDefault(any.VillageId);
            changes.Add(new Change(id, any.HouseholdNumber, any.HeadName, any.TownshipId, any.VillageId, village?.Township ?? "", village?.Name ?? "",
                kind, b?.Standing ?? "（未在快照中）", a?.Standing ?? "（不在登记库）", b?.Category, a?.Category, b?.LivingMembers, a?.LivingMembers,
                b?.IncomeFen / 100m, a?.IncomeFen / 100m, explanation?.Reason ?? reason, explanation is not null, explanation?.Note));
        }
        changes = changes.OrderBy(c => villages.GetValueOrDefault(c.VillageId)?.AdminCode, StringComparer.Ordinal)
            .ThenBy(c => c.HouseholdNumber, StringComparer.Ordinal).ToList();
        var perReason = changes.GroupBy(c => c.Reason).ToDictionary(g => g.Key, g => g.Count());
        var perVillage = changes.GroupBy(c => (c.TownshipName, c.VillageName))
            .Select(g => (g.Key.TownshipName, g.Key.VillageName, g.Count(), g.Count(c => c.Reason == SnapshotChangeReason.Unexplained)))
            .ToList();
        return new Result(from, to, toYear, changes, perReason, perVillage);
    }

    private static SnapshotChangeKind KindOf(Side before, Side? after)
    {
        if (after is null) return before.IsRegistered || before.IsMonitored ? SnapshotChangeKind.Standing : SnapshotChangeKind.None;
        var kind = SnapshotChangeKind.None;
        if (before.Standing != after.Standing) kind |= SnapshotChangeKind.Standing;
        if (before.Category != after.Category) kind |= SnapshotChangeKind.Category;
        if (before.LivingMembers != after.LivingMembers) kind |= SnapshotChangeKind.Size;
        if (before.IncomeFen != after.IncomeFen) kind |= SnapshotChangeKind.Income;
        return kind;
    }

    /// <summary>The reason of the weightiest change (standing, then category, size, income) that the records tell.</summary>
    private static SnapshotChangeReason Reason(Side? b, Side? a, SnapshotChangeKind kind, int fromYear, int toYear,
        List<HouseholdStatus> stepsAfter, bool categoryEdited, Func<bool> naturalOnly)
    {
        if (kind.HasFlag(SnapshotChangeKind.Standing))
        {
            if (a is null) return SnapshotChangeReason.Other;
            var wasRegistered = b?.IsRegistered == true;
            if (!wasRegistered && a.IsRegistered)
            {
                return stepsAfter.Contains(HouseholdStatus.Identified) ? SnapshotChangeReason.NewlyIdentified
                    : b is not null && a.IdentificationYear <= fromYear ? SnapshotChangeReason.Correction : SnapshotChangeReason.Unexplained;
            }
            if (wasRegistered && !a.IsRegistered)
            {
                return a.Status == HouseholdStatus.Removed && stepsAfter.Contains(HouseholdStatus.Removed) ? SnapshotChangeReason.Removed : SnapshotChangeReason.Unexplained;
            }
            if (wasRegistered && !b!.IsExited && a.IsExited)
            {
                return stepsAfter.Contains(HouseholdStatus.Exited) ? SnapshotChangeReason.Exited
                    : a.ExitYear <= fromYear ? SnapshotChangeReason.Correction : SnapshotChangeReason.Unexplained;
            }
            if (wasRegistered && b!.IsExited && !a.IsExited)
            {
                return a.Status == HouseholdStatus.Returned && stepsAfter.Contains(HouseholdStatus.Returned) ? SnapshotChangeReason.Returned : SnapshotChangeReason.Unexplained;
            }
            // Only the monitoring part changed: told by its dates when they fall after the earlier year's end.
            var endOfFromYear = new DateOnly(fromYear, 12, 31);
            return a.MonitoringIdentifiedOn > endOfFromYear || a.RiskEliminatedOn > endOfFromYear || (a.IsMonitored && b?.IsMonitored != true && a.MonitoringIdentifiedOn is null)
                ? SnapshotChangeReason.MonitoringChange : SnapshotChangeReason.Unexplained;
        }
        if (kind.HasFlag(SnapshotChangeKind.Category)) return categoryEdited ? SnapshotChangeReason.CategoryChange : SnapshotChangeReason.Unexplained;
        if (kind.HasFlag(SnapshotChangeKind.Size)) return naturalOnly() ? SnapshotChangeReason.NaturalChange : SnapshotChangeReason.Unexplained;
        // Income: a later year's record is that year's measurement; the same year's record changed after freezing is a correction.
        return toYear > fromYear ? SnapshotChangeReason.IncomeMeasured : SnapshotChangeReason.Correction;
    }

    /// <summary>Whether every member who came, went or died is a birth (born in or after the earlier year) or a death.</summary>
    private static bool NaturalOnly(List<MemberFacts> before, List<MemberFacts> after, int fromYear)
    {
        var earlier = before.ToDictionary(m => m.MemberId);
        var later = after.ToDictionary(m => m.MemberId);
        var any = false;
        foreach (var m in after)
        {
            if (!earlier.TryGetValue(m.MemberId, out var was))
            {
                if (m.BirthDate.Year < fromYear) return false;
                any = true;
            }
            else if (!was.IsDeceased && m.IsDeceased) any = true;
            else if (was.IsDeceased != m.IsDeceased) return false;
        }
        // A living member who left the household (moved, married out) is not a natural change.
        if (before.Any(m => !later.ContainsKey(m.MemberId) && !m.IsDeceased)) return false;
        return any;
    }

    private static async Task<Dictionary<int, Side>> SnapshotSideAsync(PortalDbContext db, YearEndSnapshot snapshot, CancellationToken cancellationToken) =>
        await db.SnapshotHouseholds.AsNoTracking().Where(h => h.SnapshotId == snapshot.Id)
            .Select(h => new Side(h.HouseholdId, h.HouseholdNumber, h.HeadName, h.TownshipId, h.VillageId, h.Status, h.IdentificationYear, h.ExitYear,
                h.IsRegistered, h.IsExited, h.IsMonitored, h.IsRiskEliminated, h.MonitoringIdentifiedOn, h.RiskEliminatedOn, h.Category,
                h.LivingMembers, h.HasIncome ? h.NetIncomePerCapitaInFen : null))
            .ToDictionaryAsync(s => s.HouseholdId, cancellationToken);

    /// <summary>The live register at the end of <paramref name="year"/>: the same standings a snapshot of that year would hold.</summary>
    private static async Task<Dictionary<int, Side>> LiveSideAsync(PortalDbContext db, int countyId, int year, CancellationToken cancellationToken)
    {
        var registered = RegistryStandings.Is(RegistryStanding.Registered, year).Compile();
        var exited = RegistryStandings.Is(RegistryStanding.Exited, year).Compile();
        var monitored = RegistryStandings.Is(RegistryStanding.Monitored, year).Compile();
        var eliminated = RegistryStandings.Is(RegistryStanding.RiskEliminated, year).Compile();
        var households = await db.Households.AsNoTracking().Where(h => h.CountyId == countyId)
            .Select(h => new Household
            {
                Id = h.Id, HouseholdNumber = h.HouseholdNumber, TownshipId = h.TownshipId, VillageId = h.VillageId, Status = h.Status,
                IdentificationYear = h.IdentificationYear, ExitYear = h.ExitYear, MonitoringType = h.MonitoringType,
                MonitoringIdentifiedOn = h.MonitoringIdentifiedOn, RiskEliminatedOn = h.RiskEliminatedOn, Category = h.Category, LivingMembers = h.LivingMembers,
            })
            .ToListAsync(cancellationToken);
        var heads = await db.Members.AsNoTracking().Where(m => m.CountyId == countyId && m.Relationship == Relationship.Head)
            .Select(m => new { m.HouseholdId, m.Name }).ToListAsync(cancellationToken);
        var headOf = heads.GroupBy(h => h.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
        var incomes = await db.IncomeRecords.AsNoTracking().Where(r => r.CountyId == countyId && r.Year == year)
            .Select(r => new { r.HouseholdId, r.NetIncomePerCapita }).ToDictionaryAsync(r => r.HouseholdId, r => r.NetIncomePerCapita, cancellationToken);
        return households.ToDictionary(h => h.Id, h => new Side(h.Id, h.HouseholdNumber, headOf.GetValueOrDefault(h.Id), h.TownshipId, h.VillageId, h.Status,
            h.IdentificationYear, h.ExitYear, registered(h), exited(h), monitored(h), eliminated(h), h.MonitoringIdentifiedOn, h.RiskEliminatedOn,
            h.Category, h.LivingMembers, incomes.TryGetValue(h.Id, out var income) ? SnapshotAccess.Fen(income) : null));
    }

    private static Task<List<MemberFacts>> MembersAsync(PortalDbContext db, int snapshotId, List<int> householdIds, CancellationToken cancellationToken) =>
        ChunkedAsync(householdIds, chunk => db.SnapshotMembers.AsNoTracking().Where(m => m.SnapshotId == snapshotId && chunk.Contains(m.HouseholdId))
            .Select(m => new MemberFacts(m.MemberId, m.HouseholdId, m.BirthDate, m.IsDeceased)), cancellationToken);

    private static Task<List<MemberFacts>> LiveMembersAsync(PortalDbContext db, List<int> householdIds, CancellationToken cancellationToken) =>
        ChunkedAsync(householdIds, chunk => db.Members.AsNoTracking().Where(m => chunk.Contains(m.HouseholdId))
            .Select(m => new MemberFacts(m.Id, m.HouseholdId, m.BirthDate, m.IsDeceased)), cancellationToken);

    /// <summary>A query over many ids, a thousand at a time: a parameter list stays within every provider's limits.</summary>
    private static async Task<List<T>> ChunkedAsync<T>(List<int> ids, Func<List<int>, IQueryable<T>> query, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        foreach (var chunk in ids.Chunk(1000)) rows.AddRange(await query(chunk.ToList()).ToListAsync(cancellationToken));
        return rows;
    }
}
