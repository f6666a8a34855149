using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Reconciliation;

public enum DifferenceKind
{
    /// <summary>仅文件中有: the ID is in the file but nowhere in the register of the compared area.</summary>
    OnlyInFile,

    /// <summary>仅系统中有: a member the source should list (by its kind) is not in the file.</summary>
    OnlyInPortal,

    /// <summary>字段不一致.</summary>
    Field,

    /// <summary>The file lists someone the register has as deceased, or in a household removed (已清退).</summary>
    Inactive,
}

/// <summary>
/// 账账相符: compares an external list, read by <see cref="ReconciliationFileReader"/>, with the register by ID number,
/// field by field. Reads the register through the user's scoped context (decision 0001), as a stream of projected
/// rows, never as entities; keeps the file's rows and the differences, not the county. Writes nothing but an audit
/// entry of counts: the portal changes only when a difference is applied (<see cref="ApplyReconciliationDifference"/>).
/// Results are not stored (decision 0027).
/// </summary>
public sealed class CompareWithFile(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    /// <summary>Listed differences at most; every count stays complete beyond it.</summary>
    public const int MaxListed = 50_000;

    public const string OutsideFile = "（系统中无此人）";

    /// <summary>IDs per query: a parameter list both providers take well.</summary>
    private const int IdBatch = 2_000;

    /// <summary>Members per page of the second pass.</summary>
    private const int PopulationPage = 20_000;

    public sealed record Query(ReconciliationSourceKind Kind, string SourceName, string FileName, ReconciliationSheet Sheet,
        IReadOnlyCollection<ReconciliationField> Fields, int? TownshipId = null, int? VillageId = null);

    public sealed record Difference(DifferenceKind Kind, ReconciliationField? Field, int? MemberId, int? HouseholdId,
        int? TownshipId, int? VillageId, string VillageName, string? HouseholdNumber, string Name, string ResidentIdMasked,
        string? PortalValue, string? FileValue, int? FileRow, bool CanApply)
    {
        public string KindLabel => Kind switch
        {
            DifferenceKind.OnlyInFile => "仅文件中有",
            DifferenceKind.OnlyInPortal => "仅系统中有",
            DifferenceKind.Inactive => "系统中已故或已清退",
            _ => "字段不一致",
        };

        public string What => Field is { } f ? f.Label() : KindLabel;
    }

    public sealed class VillageCount
    {
        public required string Village { get; init; }
        public int? VillageId { get; init; }
        public int Matched { get; set; }
        public int OnlyInFilePeople { get; set; }
        public int OnlyInFileHouseholds { get; set; }
        public int OnlyInPortalPeople { get; set; }
        public int OnlyInPortalHouseholds { get; set; }
        public int DifferingFields { get; set; }
        public int Inactive { get; set; }
    }

    public sealed record Result(IReadOnlyList<Difference> Differences, IReadOnlyList<VillageCount> Villages,
        IReadOnlyList<RowError> FileErrors, int FileRows, bool Truncated, string? Refusal)
    {
        public int Matched => Villages.Sum(v => v.Matched);
        public int OnlyInFilePeople => Villages.Sum(v => v.OnlyInFilePeople);
        public int OnlyInFileHouseholds => Villages.Sum(v => v.OnlyInFileHouseholds);
        public int OnlyInPortalPeople => Villages.Sum(v => v.OnlyInPortalPeople);
        public int OnlyInPortalHouseholds => Villages.Sum(v => v.OnlyInPortalHouseholds);
        public int DifferingFields => Villages.Sum(v => v.DifferingFields);
        public int Inactive => Villages.Sum(v => v.Inactive);

        public static Result Refused(string message) => new([], [], [], 0, false, message);
    }

    public async Task<Result> HandleAsync(Query query, IProgress<int>? membersRead = null, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanReconcile(currentUser.Role)) return Result.Refused("您的角色不能进行账账相符比对");
        if (query.Sheet.Failed) return Result.Refused((query.Sheet.Errors.Count > 0 ? query.Sheet.Errors[0].Message : null) ?? "文件无法比对");

        var result = await CompareAsync(query, membersRead, cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ReconciliationRun, AuditOutcome.Success, query.SourceName,
            null, null, string.Create(CultureInfo.InvariantCulture,
                $"{query.SourceName}，文件“{Path.GetFileName(query.FileName)}”，{result.FileRows}行，一致{result.Matched}人，仅文件中有{result.OnlyInFilePeople}人，仅系统中有{result.OnlyInPortalPeople}人，字段不一致{result.DifferingFields}处，文件错误{result.FileErrors.Count}条"),
            CancellationToken.None);
        return result;
    }

    private async Task<Result> CompareAsync(Query query, IProgress<int>? membersRead, CancellationToken cancellationToken)
    {
        var rows = query.Sheet.Rows;
        var byId = new Dictionary<string, int>(rows.Count, StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++) byId[rows[i].ResidentId] = i;
        var matched = new bool[rows.Count];
        var fields = query.Fields.Where(f => f is not (ReconciliationField.ResidentId)).ToHashSet();
        foreach (var f in ReconciliationFields.Of(query.Kind))
        {
            if (ReconciliationFields.ImpliedValue(query.Kind, f) is not null) fields.Add(f);
        }
        var memberFields = fields.Where(f => !f.IsHouseholdLevel()).OrderBy(f => f).ToArray();
        var householdFields = fields.Where(f => f.IsHouseholdLevel()).OrderBy(f => f).ToArray();
        var readsHealth = fields.Contains(ReconciliationField.Disability) || query.Kind == ReconciliationSourceKind.DisabledPersons;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var villageNames = await db.Villages.Where(v => (query.TownshipId == null || v.TownshipId == query.TownshipId)
                && (query.VillageId == null || v.Id == query.VillageId))
            .Select(v => new { v.Id, v.Name }).ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken);
        var counts = new Dictionary<int, VillageCount>();
        VillageCount CountOf(int villageId) => counts.TryGetValue(villageId, out var c) ? c
            : counts[villageId] = new VillageCount { VillageId = villageId, Village = villageNames.GetValueOrDefault(villageId, "") };

        var differences = new List<Difference>();
        var truncated = false;
        void Add(Difference d)
        {
            if (differences.Count < MaxListed) differences.Add(d);
            else truncated = true;
        }

        // Per household of the population the source should list: how many it should list, and how many it does.
        var households = new Dictionary<int, HouseholdTally>();
        var comparedHouseholdFields = new HashSet<(int, ReconciliationField)>();
        var matchedMembers = new HashSet<int>();
        var read = 0;

        // First the file's people, found by their IDs in SQL: ResidentId is encrypted deterministically, so the
        // database compares ciphertexts and only the members the file lists are read and decrypted (decision 0016).
        foreach (var batch in rows.Chunk(IdBatch))
        {
            var ids = batch.Select(r => r.ResidentId).ToList();
            await foreach (var p in Members(db, query, readsHealth, m => ids.Contains(m.ResidentId)).AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                var index = byId[p.ResidentId];
                matched[index] = true;
                matchedMembers.Add(p.MemberId);
                var row = rows[index];
                var count = CountOf(p.VillageId);
                count.Matched++;
                if (p.IsDeceased || p.Status == HouseholdStatus.Removed)
                {
                    count.Inactive++;
                    Add(new Difference(DifferenceKind.Inactive, null, p.MemberId, p.HouseholdId, p.TownshipId, p.VillageId,
                        villageNames.GetValueOrDefault(p.VillageId, ""), p.HouseholdNumber, p.Name, ResidentId.Mask(p.ResidentId),
                        p.IsDeceased ? "已故" : HouseholdStatus.Removed.Label(), "在名单中", row.SheetRowNumber, false));
                    continue;
                }
                var tally = households.GetValueOrDefault(p.HouseholdId, new HouseholdTally(0, 0, p.VillageId));
                households[p.HouseholdId] = tally with { Listed = tally.Listed + 1 };
                foreach (var field in memberFields) Compare(field, p, row, count);
                foreach (var field in householdFields) Compare(field, p, row, count);
            }
            membersRead?.Report(read += batch.Length);
        }

        // Then everyone the source should list, without their IDs: whoever was not found above is only in the portal.
        // Only the listed ones' IDs are read, afterwards, to be shown masked. Read in pages by member id: under a retrying
        // execution strategy (PostgreSQL, SQL Server; decision 0019) EF Core buffers a query's rows to be able to retry
        // it, and one query over a county would hold its million members at once.
        var onlyInPortal = new List<ListedMember>();
        var after = 0;
        while (true)
        {
            var last = after;
            var page = await Population(db, query, readsHealth, last).ToListAsync(cancellationToken);
            if (page.Count == 0) break;
            after = page[^1].MemberId;
            foreach (var m in page) Tally(m);
        }

        void Tally(ListedMember m)
        {
            if (m.IsDeceased || m.Status == HouseholdStatus.Removed || !Expected(query.Kind, m.Category, m.SchoolingStatus, m.Health)) return;
            var tally = households.GetValueOrDefault(m.HouseholdId, new HouseholdTally(0, 0, m.VillageId));
            households[m.HouseholdId] = tally with { Expected = tally.Expected + 1 };
            if (matchedMembers.Contains(m.MemberId)) return;
            CountOf(m.VillageId).OnlyInPortalPeople++;
            if (differences.Count + onlyInPortal.Count < MaxListed) onlyInPortal.Add(m);
            else truncated = true;
        }

        var masks = new Dictionary<int, string>(onlyInPortal.Count);
        foreach (var batch in onlyInPortal.Chunk(IdBatch))
        {
            var memberIds = batch.Select(m => m.MemberId).ToList();
            await foreach (var m in db.Members.Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.ResidentId })
                .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                masks[m.Id] = ResidentId.Mask(m.ResidentId);
            }
        }
        foreach (var m in onlyInPortal)
        {
            Add(new Difference(DifferenceKind.OnlyInPortal, null, m.MemberId, m.HouseholdId, m.TownshipId, m.VillageId,
                villageNames.GetValueOrDefault(m.VillageId, ""), m.HouseholdNumber, m.Name, masks.GetValueOrDefault(m.MemberId, ""),
                null, null, null, false));
        }

        void Compare(ReconciliationField field, PortalPerson p, ReconciliationFileRow row, VillageCount count)
        {
            var text = row[field] ?? ReconciliationFields.ImpliedValue(query.Kind, field);
            // An empty cell says nothing: household fields are often filled on the head's row only.
            if (text is null) return;
            // A household's field once, from the first of its rows that fills it (members come in no set order).
            if (field.IsHouseholdLevel() && !comparedHouseholdFields.Add((p.HouseholdId, field))) return;
            var file = ReconciliationValues.File(field, text, out var recognized);
            var portal = ReconciliationValues.Portal(field, p);
            if (ReconciliationValues.Agree(field, portal, file)) return;
            count.DifferingFields++;
            Add(new Difference(DifferenceKind.Field, field, p.MemberId, p.HouseholdId, p.TownshipId, p.VillageId,
                villageNames.GetValueOrDefault(p.VillageId, ""), p.HouseholdNumber, p.Name, ResidentId.Mask(p.ResidentId),
                portal, file, row.SheetRowNumber, recognized && field.CanApply()));
        }

        foreach (var h in households.Values)
        {
            if (h.Expected > 0 && h.Listed == 0) CountOf(h.VillageId).OnlyInPortalHouseholds++;
        }

        // The file's people the register of the area does not have; grouped by the file's 户编号 where it has one.
        var outside = new VillageCount { Village = OutsideFile };
        var fileHouseholds = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count; i++)
        {
            var number = rows[i][ReconciliationField.HouseholdNumber] is { } n ? ResidentId.Normalize(n) : null;
            if (number is not null) fileHouseholds[number] = fileHouseholds.GetValueOrDefault(number) || matched[i];
            if (matched[i]) continue;
            outside.OnlyInFilePeople++;
            Add(new Difference(DifferenceKind.OnlyInFile, null, null, null, null, null, OutsideFile, number,
                rows[i][ReconciliationField.Name] ?? "", ResidentId.Mask(rows[i].ResidentId), null, null, rows[i].SheetRowNumber, false));
        }
        outside.OnlyInFileHouseholds = fileHouseholds.Count(p => !p.Value);

        var villages = counts.Values.OrderBy(v => v.Village, StringComparer.Ordinal).ToList();
        if (outside.OnlyInFilePeople > 0) villages.Add(outside);
        var ordered = differences.OrderBy(d => d.Kind == DifferenceKind.OnlyInFile).ThenBy(d => d.VillageName, StringComparer.Ordinal)
            .ThenBy(d => d.HouseholdNumber, StringComparer.Ordinal).ThenBy(d => d.Kind).ThenBy(d => d.Field).ToList();
        return new Result(ordered, villages, query.Sheet.Errors, rows.Count, truncated, null);
    }

    private record struct HouseholdTally(int Expected, int Listed, int VillageId);

    /// <summary>Who a source of this kind should list: what "only in the portal" means for it.</summary>
    private static bool Expected(ReconciliationSourceKind kind, PovertyCategory? category, SchoolingStatus schooling, HealthStatus health) => kind switch
    {
        ReconciliationSourceKind.CivilAffairs => category is PovertyCategory.Dibao or PovertyCategory.Tekun,
        ReconciliationSourceKind.Education => schooling is SchoolingStatus.Primary or SchoolingStatus.JuniorHigh
            or SchoolingStatus.SeniorHigh or SchoolingStatus.Vocational or SchoolingStatus.College,
        ReconciliationSourceKind.DisabledPersons => health == HealthStatus.Disabled,
        _ => true,
    };

    /// <summary>A member the source should list, as the second pass reads them: no ID, no decryption unless 残联.</summary>
    private sealed record ListedMember(int MemberId, int HouseholdId, int TownshipId, int VillageId, string Name, string HouseholdNumber,
        bool IsDeceased, HouseholdStatus Status, PovertyCategory? Category, SchoolingStatus SchoolingStatus, HealthStatus Health);

    private static IQueryable<Member> InArea(PortalDbContext db, Query query) =>
        db.Members.Where(m => (query.TownshipId == null || m.TownshipId == query.TownshipId) && (query.VillageId == null || m.VillageId == query.VillageId));

    /// <summary>
    /// The compared area's members after <paramref name="after"/> in id order, one page; health (random-nonce encrypted,
    /// decision 0016) only for the 残联's population.
    /// </summary>
    private static IQueryable<ListedMember> Population(PortalDbContext db, Query query, bool readsHealth, int after)
    {
        var page = InArea(db, query).Where(m => m.Id > after).OrderBy(m => m.Id).Take(PopulationPage);
        return readsHealth
        ? page.Select(m => new ListedMember(m.Id, m.HouseholdId, m.TownshipId, m.VillageId, m.Name, m.Household!.HouseholdNumber,
            m.IsDeceased, m.Household.Status, m.Household.Category, m.SchoolingStatus, m.Health))
        : page.Select(m => new ListedMember(m.Id, m.HouseholdId, m.TownshipId, m.VillageId, m.Name, m.Household!.HouseholdNumber,
            m.IsDeceased, m.Household.Status, m.Household.Category, m.SchoolingStatus, HealthStatus.Healthy));
    }

    /// <summary>
    /// The members of the compared area that <paramref name="filter"/> selects, with their household's fields, one flat row each. Health and grade are
    /// encrypted with a random nonce: decrypted only when the source speaks about disability.
    /// </summary>
    private static IQueryable<PortalPerson> Members(PortalDbContext db, Query query, bool readsHealth, System.Linq.Expressions.Expression<Func<Member, bool>> filter)
    {
        var members = InArea(db, query).Where(filter);
        return readsHealth
            ? members.Select(m => new PortalPerson
            {
                MemberId = m.Id, HouseholdId = m.HouseholdId, TownshipId = m.TownshipId, VillageId = m.VillageId,
                ResidentId = m.ResidentId, Name = m.Name, Relationship = m.Relationship, SchoolingStatus = m.SchoolingStatus,
                Health = m.Health, DisabilityGrade = m.DisabilityGrade,
                HasBasicMedicalInsurance = m.HasBasicMedicalInsurance, IsDeceased = m.IsDeceased,
                HouseholdNumber = m.Household!.HouseholdNumber, Status = m.Household.Status, Category = m.Household.Category,
                IdentificationYear = m.Household.IdentificationYear, ExitYear = m.Household.ExitYear,
                MonitoringType = m.Household.MonitoringType, LivingMembers = m.Household.LivingMembers,
            })
            : members.Select(m => new PortalPerson
            {
                MemberId = m.Id, HouseholdId = m.HouseholdId, TownshipId = m.TownshipId, VillageId = m.VillageId,
                ResidentId = m.ResidentId, Name = m.Name, Relationship = m.Relationship, SchoolingStatus = m.SchoolingStatus,
                HasBasicMedicalInsurance = m.HasBasicMedicalInsurance, IsDeceased = m.IsDeceased,
                HouseholdNumber = m.Household!.HouseholdNumber, Status = m.Household.Status, Category = m.Household.Category,
                IdentificationYear = m.Household.IdentificationYear, ExitYear = m.Household.ExitYear,
                MonitoringType = m.Household.MonitoringType, LivingMembers = m.Household.LivingMembers,
            });
    }
}
