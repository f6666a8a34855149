using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Users;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// The filtered household list as an .xlsx in the register's import format (one row per person, household columns
/// on every row), written row by row so a county's register never sits in memory whole. Who may export and which
/// columns they get follow the masking rule (docs/decisions/0014): roles that may read full IDs get every column;
/// other exporting roles get the ID and phone masked, the birth date as its year and no health or disability; a
/// team member may not export. Every export, and every refusal, is audited with its filter and counts.
/// </summary>
public sealed class ExportHouseholds(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    private const int Batch = 500;

    public const string Refusal = "您的角色不能导出贫困户名单，请联系乡镇干部";

    /// <summary><see cref="Refused"/> is set (and nothing written) when the role may not export.</summary>
    public sealed record Summary(int Households, int Members, bool Complete)
    {
        public string? Refused { get; init; }
    }

    public async Task<Summary> WriteAsync(ListHouseholds.Query query, Stream destination, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await AreaNamesAsync(db, cancellationToken);
        var filter = Describe(query, names);
        // Refused here, in the use case, not only by hiding the button: the circuit's handler is the last word.
        if (!PortalRoles.CanExportRegister(currentUser.Role))
        {
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.ExportRegisterRefused, nameof(Household), null,
                $"角色{PortalRoles.Label(currentUser.Role ?? "")}不能导出；筛选：{filter}", cancellationToken);
            return new Summary(0, 0, false) { Refused = Refusal };
        }
        var complete = PortalRoles.CanRevealPersonalData(currentUser.Role);
        var health = PortalRoles.CanSeeHealthData(currentUser.Role);

        var columns = RegisterColumns.All
            .Select((name, i) => new XlsxColumn(Math.Clamp(name.Length * 2.2 + 2, 8, 22),
                RegisterTemplate.TextFields.Contains((RegisterField)i) ? XlsxStyle.Text : XlsxStyle.Default))
            .ToArray();
        var (households, members) = (0, 0);
        using (var writer = new XlsxSheetWriter(destination, RegisterTemplate.SheetName, columns, frozenRows: 1))
        {
            writer.WriteRow(1, RegisterColumns.All.Select(name => new XlsxCell(name, XlsxStyle.Header)).ToArray());
            var row = 1;
            var lastId = 0;
            var filtered = await ListHouseholds.FilterAsync(db, query, cancellationToken);
            while (true)
            {
                // Keyset batches in id order: stable and cheap however deep the export goes.
                var batch = await filtered.Where(h => h.Id > lastId).OrderBy(h => h.Id).Take(Batch)
                    .Include(h => h.Members).AsNoTracking().AsSplitQuery().ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                foreach (var household in batch)
                {
                    foreach (var member in household.Members.OrderBy(m => m.Relationship == Relationship.Head ? 0 : 1).ThenBy(m => m.BirthDate))
                    {
                        // Every value as text, so IDs and phones never become numbers that Excel rounds.
                        writer.WriteRow(++row, Cells(household, member, names, complete, health).Select(v => new XlsxCell(v, XlsxStyle.Text)).ToArray());
                        members++;
                    }
                    households++;
                }
                lastId = batch[^1].Id;
            }
        }

        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ExportRegister, nameof(Household), null,
            $"{households}户{members}人，证件号码{(complete ? "完整" : "已遮蔽")}{(health ? "" : "，不含健康状况")}；筛选：{filter}", cancellationToken);
        return new Summary(households, members, complete);
    }

    private static IEnumerable<string?> Cells(Household h, Member m, AreaNameLookup names, bool complete, bool health)
    {
        static string YesNo(bool value) => value ? "是" : "否";
        yield return names.County(h.CountyId);
        yield return names.Township(h.TownshipId);
        yield return names.Village(h.VillageId);
        yield return h.VillageGroupId is int g ? names.Group(g) : null;
        yield return h.HouseholdNumber;
        yield return m.Name;
        yield return complete ? m.ResidentId : ResidentId.Mask(m.ResidentId);
        yield return m.Relationship.Label();
        yield return m.Gender.Label();
        yield return PersonalData.BirthDate(m.BirthDate, complete);
        yield return m.Ethnicity;
        yield return m.EducationLevel;
        yield return m.SchoolingStatus.Label();
        yield return !health ? PersonalData.Hidden
            : m.Health == HealthStatus.Disabled && m.DisabilityGrade is int grade ? $"残疾（{grade}级）" : m.Health.Label();
        yield return m.LabourAbility.Label();
        yield return m.MigrantWorkPlace;
        yield return m.MigrantWorkMonths?.ToString(CultureInfo.InvariantCulture);
        yield return YesNo(m.HasBasicMedicalInsurance);
        yield return YesNo(m.HasSeriousIllnessInsurance);
        yield return YesNo(m.HasPensionInsurance);
        yield return h.Category?.Label();
        yield return h.PrimaryCause?.Label();
        yield return h.SecondaryCause?.Label();
        yield return h.IdentificationYear?.ToString(CultureInfo.InvariantCulture);
        yield return h.Status.Label();
        yield return h.ExitYear?.ToString(CultureInfo.InvariantCulture);
        yield return YesNo(h.IsRelocated);
        yield return h.MonitoringType?.Label();
        yield return h.Phone is null ? null : complete ? h.Phone : HouseholdFields.MaskValue(nameof(Household.Phone), h.Phone);
    }

    /// <summary>The filter in readable Chinese for the audit log; the search text is only said to be there, as it may be a name or an ID's last digits.</summary>
    private static string Describe(ListHouseholds.Query q, AreaNameLookup names)
    {
        var parts = new List<string>();
        void Add(string label, object? value)
        {
            if (value is not null) parts.Add($"{label}={(value is Enum e ? HouseholdLabels.LabelOf(e) : Convert.ToString(value, CultureInfo.InvariantCulture))}");
        }
        Add("县", q.CountyId is int c ? names.County(c) ?? $"#{c}" : null);
        Add("乡镇", q.TownshipId is int t ? names.Township(t) ?? $"#{t}" : null);
        Add("村", q.VillageId is int v ? names.Village(v) ?? $"#{v}" : null);
        Add("村民小组", q.VillageGroupId is int g ? names.Group(g) ?? $"#{g}" : null);
        Add("贫困户属性", q.Category);
        Add("致贫原因", q.Cause);
        Add("主要致贫原因", q.PrimaryCause);
        Add("贫困户状态", q.Status);
        Add("监测对象类别", q.MonitoringType);
        Add("脱贫年度", q.ExitYear);
        Add("年末状态", q.Standing?.Label());
        Add("年度", q.Year);
        Add("收入预警", q.IncomeWarning?.Label());
        Add("收入年度", q.IncomeYear);
        Add("两不愁三保障", q.Assurance is { } a ? $"{a.Year}年{(a.Item is { } item ? item.Label() : "任一项")}未达标" : null);
        if (!string.IsNullOrWhiteSpace(q.Text)) parts.Add("含搜索词");
        return parts.Count == 0 ? "全部" : string.Join("，", parts);
    }

    private static async Task<AreaNameLookup> AreaNamesAsync(PortalDbContext db, CancellationToken cancellationToken) => new(
        await db.Counties.ToDictionaryAsync(c => c.Id, c => c.Name, cancellationToken),
        await db.Townships.ToDictionaryAsync(t => t.Id, t => t.Name, cancellationToken),
        await db.Villages.ToDictionaryAsync(v => v.Id, v => v.Name, cancellationToken),
        await db.VillageGroups.ToDictionaryAsync(g => g.Id, g => g.Name, cancellationToken));

    private sealed record AreaNameLookup(
        Dictionary<int, string> Counties, Dictionary<int, string> Townships, Dictionary<int, string> Villages, Dictionary<int, string> Groups)
    {
        public string? County(int id) => Counties.GetValueOrDefault(id);
        public string? Township(int id) => Townships.GetValueOrDefault(id);
        public string? Village(int id) => Villages.GetValueOrDefault(id);
        public string? Group(int id) => Groups.GetValueOrDefault(id);
    }
}
