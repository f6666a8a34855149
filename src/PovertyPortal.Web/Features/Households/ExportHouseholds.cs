using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// The filtered household list as an .xlsx in the register's import format (one row per person, household columns
/// on every row), written row by row so a county's register never sits in memory whole. ID numbers and phones are
/// complete only for roles that may see them; every export is audited.
/// </summary>
public sealed class ExportHouseholds(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    private const int Batch = 500;

    public sealed record Summary(int Households, int Members, bool Complete);

    public async Task<Summary> WriteAsync(ListHouseholds.Query query, Stream destination, CancellationToken cancellationToken = default)
    {
        var complete = PortalRoles.CanRevealPersonalData(currentUser.Role);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var names = await AreaNamesAsync(db, cancellationToken);

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
                        writer.WriteRow(++row, Cells(household, member, names, complete).Select(v => new XlsxCell(v, XlsxStyle.Text)).ToArray());
                        members++;
                    }
                    households++;
                }
                lastId = batch[^1].Id;
            }
        }

        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ExportRegister, nameof(Household), null,
            $"{households}户{members}人，证件号码{(complete ? "完整" : "已遮蔽")}", cancellationToken);
        return new Summary(households, members, complete);
    }

    private static IEnumerable<string?> Cells(Household h, Member m, AreaNameLookup names, bool complete)
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
        yield return m.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return m.Ethnicity;
        yield return m.EducationLevel;
        yield return m.SchoolingStatus.Label();
        yield return m.Health == HealthStatus.Disabled && m.DisabilityGrade is int grade ? $"残疾（{grade}级）" : m.Health.Label();
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
