using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// What the rules of one run read: a context scoped to the run's area (so no rule can reach past it), with the area
/// repeated as plain equalities so that the indexes leading with CountyId and TownshipId serve every rule; the year
/// whose income, benefits and checks are judged, its poverty line, and today for ages and due dates.
/// </summary>
public sealed class DataCheckSource(PortalDbContext db, int year, DateOnly today, PovertyLine? line)
{
    public PortalDbContext Db { get; } = db;

    /// <summary>The latest year with a poverty line: the year whose income, benefits and checks are judged.</summary>
    public int Year { get; } = year;
    public DateOnly Today { get; } = today;

    /// <summary>The county's line of <see cref="Year"/>; null when none is set (the income rules then find nothing).</summary>
    public PovertyLine? Line { get; } = line;

    /// <summary>31 August of the school year under way: ages for compulsory education are taken on it, as the assurance check does.</summary>
    public DateOnly SchoolCutoff => new(Today.Month >= 9 ? Today.Year : Today.Year - 1, 8, 31);

    public IQueryable<T> Within<T>(IQueryable<T> rows) where T : class, IAreaBound => ListHouseholds.WithScopeColumns(rows.AsNoTracking(), Db.Scope);

    public IQueryable<Household> Households => Within(Db.Households);

    /// <summary>建档立卡户 still on the register: identified, exited or returned (not removed, not only monitored).</summary>
    public IQueryable<Household> PoorHouseholds => Households.Where(h =>
        h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Exited || h.Status == HouseholdStatus.Returned);

    /// <summary>Households of the register: registered poor (not removed) or monitored.</summary>
    public IQueryable<Household> RegisterHouseholds => Households.Where(h =>
        h.Status == HouseholdStatus.Identified || h.Status == HouseholdStatus.Exited || h.Status == HouseholdStatus.Returned
        || (h.MonitoringType != null && h.Status != HouseholdStatus.Removed));

    public IQueryable<Member> Members => Within(Db.Members);

    /// <summary>Living members of the register's households.</summary>
    public IQueryable<Member> RegisterMembers => Members.Where(m => !m.IsDeceased && RegisterHouseholds.Any(h => h.Id == m.HouseholdId));

    /// <summary>Living members of the register aged 6 to 15 on <see cref="SchoolCutoff"/>: the years of compulsory education.</summary>
    public IQueryable<Member> SchoolAgeMembers
    {
        get
        {
            var (oldest, youngest) = (BornBy(SchoolCutoff, 16).AddDays(1), BornBy(SchoolCutoff, 6));
            return RegisterMembers.Where(m => m.BirthDate >= oldest && m.BirthDate <= youngest);
        }
    }

    /// <summary>Born on or before this day: at least <paramref name="years"/> old on <paramref name="on"/>.</summary>
    public static DateOnly BornBy(DateOnly on, int years) => on.AddYears(-years);

    /// <summary>A disabled member of the register: their household and grade.</summary>
    public readonly record struct DisabledMember(int HouseholdId, int? Grade);

    private Dictionary<int, DisabledMember>? disabled;

    /// <summary>
    /// The register's living members whose health is 残疾, with their grade. Health and grade are encrypted with a
    /// random nonce, so they are read as a stream (ids and the two columns only) and decrypted here, once per run for
    /// every rule that needs them.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, DisabledMember>> DisabledMembersAsync(CancellationToken cancellationToken)
    {
        if (disabled is not null) return disabled;
        var found = new Dictionary<int, DisabledMember>();
        await foreach (var m in RegisterMembers.Select(m => new { m.Id, m.HouseholdId, m.Health, m.DisabilityGrade })
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (m.Health == HealthStatus.Disabled) found[m.Id] = new DisabledMember(m.HouseholdId, m.DisabilityGrade);
        }
        return disabled = found;
    }

    public readonly record struct HouseholdRow(int Id, int TownshipId, int VillageId, string HouseholdNumber, string? Head);

    public readonly record struct MemberRow(int Id, int HouseholdId, int TownshipId, int VillageId, string Name, string HouseholdNumber);

    public IQueryable<HouseholdRow> HouseholdsWithHead(IQueryable<Household> households) =>
        households.Select(h => new HouseholdRow(h.Id, h.TownshipId, h.VillageId, h.HouseholdNumber,
            Db.Members.Where(m => m.HouseholdId == h.Id && m.Relationship == Relationship.Head).OrderBy(m => m.IsDeceased).Select(m => m.Name).FirstOrDefault()));

    /// <summary>
    /// The household's number by a lookup per row on its key: the navigation would join the households' filtered query,
    /// which SQLite reads whole before joining (a village's run paid for the county's 300,000 households).
    /// </summary>
    public IQueryable<MemberRow> MembersWithHousehold(IQueryable<Member> members) =>
        members.Select(m => new MemberRow(m.Id, m.HouseholdId, m.TownshipId, m.VillageId, m.Name,
            Db.Households.Where(h => h.Id == m.HouseholdId).Select(h => h.HouseholdNumber).FirstOrDefault() ?? ""));
}
