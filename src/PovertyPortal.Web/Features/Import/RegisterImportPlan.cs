using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Web.Features.Households;

namespace PovertyPortal.Web.Features.Import;

/// <summary>
/// What an import would do, household by household: resolves the area names, checks each household and member with
/// the forms' validators, compares with the database, and records every problem against its sheet row and column.
/// Changes to existing rows are made on tracked entities; new rows are kept aside until <see cref="WriteAsync"/>.
/// </summary>
internal sealed class RegisterImportPlan(PortalDbContext db, ImportRegisterAreas areas, TimeProvider clock, List<RowError> errors,
    bool createAreas, bool mayCreateAreas)
{
    private readonly SaveHousehold.Validator householdValidator = new(clock);
    private readonly SaveMember.Validator memberValidator = new(clock);
    private readonly HashSet<(int Row, string Column)> cellErrors = errors.Select(e => (e.SheetRowNumber, e.Column)).ToHashSet();
    private readonly Dictionary<string, Household> existing = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> numbersOutsideScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Number, bool Visible)> idsElsewhere = new(StringComparer.Ordinal);
    // New households are kept as the file's rows and the checked command, and become entities only when written, a
    // batch at a time: a preview needs only their counts, and entities for a whole county would outlive the batches.
    private readonly List<(RegisterHousehold File, SaveHousehold.Command Command, Village Village, VillageGroup? Group)> created = [];
    private readonly Dictionary<string, Tally> counts = new(StringComparer.Ordinal);
    private readonly List<(string Id, int Row)> fileIds = [];

    public List<string> AreasToCreate { get; } = [];
    public List<ImportRegister.MissingMember> Missing { get; } = [];

    private sealed class Tally
    {
        public int HouseholdsCreated, HouseholdsUpdated, HouseholdsUnchanged, MembersCreated, MembersUpdated, MembersUnchanged;
    }

    /// <summary>Loads, in a few queries, the existing households of the file and the IDs registered in other households.</summary>
    public async Task PrepareAsync(IReadOnlyList<RegisterHousehold> households, CancellationToken cancellationToken)
    {
        var numbers = households.Select(h => h.HouseholdNumber).Distinct().ToList();
        foreach (var chunk in numbers.Chunk(500))
        {
            var found = await db.Households.Include(h => h.Members)
                .Where(h => chunk.Contains(h.HouseholdNumber)).ToListAsync(cancellationToken);
            foreach (var h in found) existing[h.HouseholdNumber] = h;
            // Household numbers are unique in a county; one that exists outside the user's scope may not be touched.
            var hidden = await db.Households.IgnoreQueryFilters()
                .Where(h => chunk.Contains(h.HouseholdNumber) && !found.Select(f => f.Id).Contains(h.Id))
                .Select(h => new { h.HouseholdNumber, h.CountyId }).ToListAsync(cancellationToken);
            foreach (var h in hidden) numbersOutsideScope[h.HouseholdNumber] = h.CountyId;
        }

        var ids = households.SelectMany(h => h.Members).Select(m => m.ResidentId?.Value).OfType<string>().Distinct().ToList();
        foreach (var chunk in ids.Chunk(500))
        {
            var elsewhere = await db.Members.IgnoreQueryFilters()
                .Where(m => chunk.Contains(m.ResidentId) && !m.IsDeceased)
                .Select(m => new { m.Id, m.ResidentId, m.CountyId, m.Household!.HouseholdNumber }).ToListAsync(cancellationToken);
            // Only a household in the user's scope is named; the others stay "elsewhere in the county" (ElsewhereInCounty).
            var elsewhereIds = elsewhere.Select(m => m.Id).ToList();
            var visible = (await db.Members.Where(m => elsewhereIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken)).ToHashSet();
            foreach (var m in elsewhere) idsElsewhere[$"{m.CountyId}:{m.ResidentId}"] = (m.HouseholdNumber, visible.Contains(m.Id));
        }
    }

    public async Task AddAsync(RegisterHousehold file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var firstRow = (file.Head ?? file.Members[0]).SheetRowNumber;
        var place = ResolveArea(file, firstRow);
        if (place is null) return;
        var (village, group) = place.Value;

        if (!existing.TryGetValue(file.HouseholdNumber, out var household) && numbersOutsideScope.TryGetValue(file.HouseholdNumber, out var county)
            && county == village.CountyId)
        {
            Error(firstRow, RegisterColumns.HouseholdNumber, file.HouseholdNumber, ElsewhereInCounty.HouseholdNumber);
            return;
        }

        var command = HouseholdCommand(file, household, village, group);
        var householdErrors = Report(householdValidator.Validate(command), firstRow, HouseholdColumn);
        var memberErrors = false;
        var memberCommands = new List<(RegisterRow Row, SaveMember.Command Command)>();
        foreach (var row in file.Members)
        {
            var memberCommand = MemberCommand(row);
            memberErrors |= Report(memberValidator.Validate(memberCommand), row.SheetRowNumber, MemberColumn);
            memberCommands.Add((row, memberCommand));
            if (row.ResidentId is { } id)
            {
                fileIds.Add((id.Value, row.SheetRowNumber));
                if (idsElsewhere.TryGetValue($"{village.CountyId}:{id.Value}", out var other) && other.Number != file.HouseholdNumber)
                {
                    Error(row.SheetRowNumber, RegisterColumns.ResidentId, id.Masked, other.Visible
                        ? $"该证件号码已登记在户编号为“{other.Number}”的家庭中，同一人不能重复登记" : ElsewhereInCounty.ResidentId);
                    memberErrors = true;
                }
            }
        }
        if (!CheckHead(file, household, memberCommands) || householdErrors || memberErrors) return;

        var tally = CountsFor(village.Name);
        if (household is null)
        {
            created.Add((file, command, village, group));
            tally.HouseholdsCreated++;
            tally.MembersCreated += memberCommands.Count;
            return;
        }

        var statusChanged = command.ChangesStatusOf(household);
        var moved = village.Id != 0 && household.VillageId != village.Id;
        if (moved) await HouseholdArea.MoveAsync(db, household, village, cancellationToken);
        var changed = command.ApplyTo(household) || moved;
        if (statusChanged) household.AddStatusStep(Today, command.RemovalReason);
        tally.HouseholdsUpdated += changed ? 1 : 0;
        tally.HouseholdsUnchanged += changed ? 0 : 1;

        var byId = household.Members.Where(m => !m.IsDeceased).ToDictionary(m => m.ResidentId, StringComparer.Ordinal);
        foreach (var (_, memberCommand) in memberCommands)
        {
            if (byId.Remove(memberCommand.ResidentId!, out var member))
            {
                var memberChanged = memberCommand.ApplyTo(member, household);
                tally.MembersUpdated += memberChanged ? 1 : 0;
                tally.MembersUnchanged += memberChanged ? 0 : 1;
            }
            else
            {
                memberCommand.NewMemberOf(household);
                tally.MembersCreated++;
            }
        }
        // Members the file no longer lists are reported, never deleted: a death or a move is recorded on purpose.
        Missing.AddRange(byId.Values.Select(m => new ImportRegister.MissingMember(household.HouseholdNumber, m.Name, ResidentId.Mask(m.ResidentId))));
    }

    public void CheckIdsAcrossTheFile()
    {
        foreach (var duplicate in fileIds.GroupBy(i => i.Id).Where(g => g.Count() > 1))
        {
            var rows = duplicate.Select(d => d.Row).Order().ToList();
            foreach (var row in rows.Skip(1))
            {
                Error(row, RegisterColumns.ResidentId, ResidentId.Mask(duplicate.Key), $"与第{rows[0]}行的证件号码相同，同一人只能登记一次");
            }
        }
    }

    public List<ImportRegister.VillageCounts> Counts() => counts
        .Select(c => new ImportRegister.VillageCounts(c.Key, c.Value.HouseholdsCreated, c.Value.HouseholdsUpdated, c.Value.HouseholdsUnchanged,
            c.Value.MembersCreated, c.Value.MembersUpdated, c.Value.MembersUnchanged))
        .OrderBy(c => c.Village, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Saves new areas first (households need their ids) and the changes to existing rows, then the new households in
    /// batches: straight into the tables when the provider allows it (<see cref="NewHouseholdRows"/>), else through EF.
    /// </summary>
    public async Task WriteAsync(int batchSize, bool bulk, IProgress<int>? householdsWritten, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        // Each batch is saved and then forgotten: a change tracker holding every row of a county makes each later
        // save slower (change detection walks all tracked rows) and keeps the whole file's entities in memory.
        db.ChangeTracker.Clear();
        bulk &= NewHouseholdRows.IsSupported(db);
        var now = clock.GetUtcNow();
        var written = 0;
        foreach (var chunk in created.Chunk(batchSize))
        {
            var households = chunk.Select(c => NewHousehold(c.File, c.Command, c.Village, c.Group)).ToList();
            if (bulk)
            {
                await NewHouseholdRows.WriteAsync(db, households, now, cancellationToken);
            }
            else
            {
                db.Households.AddRange(households);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            householdsWritten?.Report(written += chunk.Length);
        }
    }

    /// <summary>The entity of a household the file adds, in its area (whose ids exist once new areas are saved).</summary>
    private Household NewHousehold(RegisterHousehold file, SaveHousehold.Command command, Village village, VillageGroup? group)
    {
        var household = new Household
        {
            HouseholdNumber = file.HouseholdNumber, Version = Guid.NewGuid(),
            CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id,
        };
        // A group the import created has its id only now.
        command.VillageGroupId = group?.Id;
        command.ApplyTo(household);
        household.AddStatusStep(Today, command.RemovalReason);
        foreach (var row in file.Members) MemberCommand(row).NewMemberOf(household);
        return household;
    }

    private Tally CountsFor(string village)
    {
        if (!counts.TryGetValue(village, out var tally)) counts[village] = tally = new Tally();
        return tally;
    }

    private (Village Village, VillageGroup? Group)? ResolveArea(RegisterHousehold file, int row)
    {
        var county = file.County is null
            ? areas.Counties.Count == 1 ? areas.Counties[0] : null
            : areas.Counties.FirstOrDefault(c => c.Name == file.County);
        if (county is null)
        {
            Error(row, RegisterColumns.County, file.County, file.County is null ? "请填写县(市、区)" : $"县(市、区)“{file.County}”不存在或不在您的管辖范围内");
            return null;
        }
        if (file.Township is null) { Error(row, RegisterColumns.Township, null, "请填写乡(镇)"); return null; }
        if (file.Village is null) { Error(row, RegisterColumns.Village, null, "请填写行政村"); return null; }

        var township = areas.Townships.FirstOrDefault(t => t.CountyId == county.Id && t.Name == file.Township && !t.IsRetired)
            ?? NewArea(row, RegisterColumns.Township, file.Township, () => areas.NewTownship(county, file.Township));
        if (township is null) return null;
        var village = areas.Villages.FirstOrDefault(v => v.TownshipId == township.Id && township.Id != 0 && v.Name == file.Village && !v.IsRetired)
            ?? areas.Villages.FirstOrDefault(v => v.Township == township && v.Name == file.Village)
            ?? NewArea(row, RegisterColumns.Village, $"{file.Township}{file.Village}", () => areas.NewVillage(township, file.Village));
        if (village is null) return null;
        if (file.VillageGroup is null) return (village, null);
        var group = areas.Groups.FirstOrDefault(g => (g.VillageId == village.Id && village.Id != 0 || g.Village == village) && g.Name == file.VillageGroup && !g.IsRetired)
            ?? NewArea(row, RegisterColumns.VillageGroup, $"{file.Village}{file.VillageGroup}", () => areas.NewGroup(village, file.VillageGroup));
        return group is null ? null : (village, group);
    }

    private T? NewArea<T>(int row, string column, string name, Func<T> create) where T : class
    {
        if (!createAreas)
        {
            Error(row, column, name, mayCreateAreas
                ? $"“{name}”尚不存在；如需新建，请勾选“创建文件中新出现的乡镇、村、村民小组”后再导入"
                : $"“{name}”不存在或不在您的管辖范围内；新的乡镇、村、村民小组须由县级用户建立");
            return null;
        }
        var area = create();
        AreasToCreate.Add($"{column}：{name}");
        return area;
    }

    private SaveHousehold.Command HouseholdCommand(RegisterHousehold f, Household? current, Village village, VillageGroup? group)
    {
        var status = f.Status ?? (f.Category is null && f.MonitoringType is not null ? HouseholdStatus.NotRegistered
            : f.ExitYear is not null ? HouseholdStatus.Exited : HouseholdStatus.Identified);
        var today = Today.ToDateTime(TimeOnly.MinValue);
        var command = new SaveHousehold.Command
        {
            // A group this import creates has no id before the write: an existing household stays in its group until then.
            Id = current?.Id, VillageId = village.Id, VillageGroupId = group is { Id: 0 } ? current?.VillageGroupId : group?.Id,
            HouseholdNumber = f.HouseholdNumber,
            Address = current?.Address, Phone = f.Phone, Category = f.Category, PrimaryCause = f.PrimaryCause,
            SecondaryCause = f.SecondaryCause, IdentificationYear = f.IdentificationYear, Status = status, ExitYear = f.ExitYear,
            // The file has no columns for these; an existing value is kept, a new one is marked for the official to complete.
            RemovalReason = status == HouseholdStatus.Removed ? current?.StatusHistory.LastOrDefault(s => s.Reason != null)?.Reason ?? "导入：原因待补充" : null,
            IsRelocated = f.IsRelocated, RelocationSite = f.IsRelocated ? current?.RelocationSite ?? "待补充" : null,
            Latitude = current?.Latitude, Longitude = current?.Longitude, MonitoringType = f.MonitoringType,
            MonitoringIdentifiedOn = f.MonitoringType is null ? null : current?.MonitoringIdentifiedOn?.ToDateTime(TimeOnly.MinValue) ?? today,
            RiskEliminatedOn = f.MonitoringType is null ? null : current?.RiskEliminatedOn?.ToDateTime(TimeOnly.MinValue),
        };
        command.Normalize();
        return command;
    }

    private static SaveMember.Command MemberCommand(RegisterRow r)
    {
        var command = new SaveMember.Command
        {
            Name = r.Name ?? "", ResidentId = r.ResidentId?.Value, Relationship = r.Relationship, Gender = r.Gender,
            BirthDate = r.BirthDate?.ToDateTime(TimeOnly.MinValue), Ethnicity = r.Ethnicity ?? "汉族", EducationLevel = r.EducationLevel,
            SchoolingStatus = r.SchoolingStatus ?? SchoolingStatus.NotInSchool, Health = r.Health ?? HealthStatus.Healthy,
            DisabilityGrade = r.DisabilityGrade, LabourAbility = r.LabourAbility ?? LabourAbility.Ordinary,
            MigrantWorkPlace = r.MigrantWorkPlace, MigrantWorkMonths = r.MigrantWorkMonths,
            HasBasicMedicalInsurance = r.HasBasicMedicalInsurance ?? false, HasSeriousIllnessInsurance = r.HasSeriousIllnessInsurance ?? false,
            HasPensionInsurance = r.HasPensionInsurance ?? false,
        };
        command.Normalize();
        return command;
    }

    /// <summary>Exactly one living head: counting the file's rows and the members the file leaves out.</summary>
    private bool CheckHead(RegisterHousehold file, Household? household, List<(RegisterRow Row, SaveMember.Command Command)> rows)
    {
        var inFile = rows.Select(r => r.Command.ResidentId).ToHashSet(StringComparer.Ordinal);
        var headsLeftOut = household?.Members.Count(m => !m.IsDeceased && m.Relationship == Relationship.Head && !inFile.Contains(m.ResidentId)) ?? 0;
        var heads = rows.Count(r => r.Command.Relationship == Relationship.Head) + headsLeftOut;
        if (heads == 1) return true;
        var row = file.Members[0];
        if (!cellErrors.Contains((row.SheetRowNumber, RegisterColumns.Relationship)))
        {
            Error(row.SheetRowNumber, RegisterColumns.Relationship, null,
                heads == 0 ? $"户编号“{file.HouseholdNumber}”没有户主，一户必须有一名户主" : $"户编号“{file.HouseholdNumber}”有{heads}名户主，一户只能有一名户主");
        }
        return false;
    }

    /// <summary>Records the validator's messages against the sheet, skipping cells the reader already reported.</summary>
    private bool Report(ValidationResult result, int row, Func<string, string> column)
    {
        foreach (var failure in result.Errors)
        {
            var header = column(failure.PropertyName);
            if (cellErrors.Contains((row, header))) continue;
            // The value as the user reads it, under the masking rule: the ID masked, so a birth date as its year only,
            // and health as *** (the error list is a file that travels further than the register).
            Error(row, header, PersonalData.Display(failure.PropertyName, failure.AttemptedValue, fullIds: false, health: false), failure.ErrorMessage);
        }
        return !result.IsValid;
    }

    private void Error(int row, string column, string? value, string message)
    {
        errors.Add(new RowError(row, column, value, message));
        cellErrors.Add((row, column));
    }

    private static string HouseholdColumn(string property) => property switch
    {
        nameof(SaveHousehold.Command.VillageId) => RegisterColumns.Village,
        nameof(SaveHousehold.Command.VillageGroupId) => RegisterColumns.VillageGroup,
        nameof(SaveHousehold.Command.HouseholdNumber) => RegisterColumns.HouseholdNumber,
        nameof(SaveHousehold.Command.Phone) => RegisterColumns.Phone,
        nameof(SaveHousehold.Command.Category) => RegisterColumns.PovertyCategory,
        nameof(SaveHousehold.Command.PrimaryCause) => RegisterColumns.PrimaryCause,
        nameof(SaveHousehold.Command.SecondaryCause) => RegisterColumns.SecondaryCause,
        nameof(SaveHousehold.Command.IdentificationYear) => RegisterColumns.IdentificationYear,
        nameof(SaveHousehold.Command.ExitYear) => RegisterColumns.ExitYear,
        nameof(SaveHousehold.Command.MonitoringType) => RegisterColumns.MonitoringType,
        nameof(SaveHousehold.Command.IsRelocated) or nameof(SaveHousehold.Command.RelocationSite) => RegisterColumns.Relocated,
        _ => RegisterColumns.Status,
    };

    private static string MemberColumn(string property) => property switch
    {
        nameof(SaveMember.Command.Name) => RegisterColumns.Name,
        nameof(SaveMember.Command.ResidentId) => RegisterColumns.ResidentId,
        nameof(SaveMember.Command.Relationship) => RegisterColumns.Relationship,
        nameof(SaveMember.Command.Gender) => RegisterColumns.Gender,
        nameof(SaveMember.Command.BirthDate) => RegisterColumns.BirthDate,
        nameof(SaveMember.Command.Ethnicity) => RegisterColumns.Ethnicity,
        nameof(SaveMember.Command.DisabilityGrade) => RegisterColumns.Health,
        nameof(SaveMember.Command.MigrantWorkMonths) => RegisterColumns.MigrantWorkMonths,
        nameof(SaveMember.Command.MigrantWorkPlace) => RegisterColumns.MigrantWorkPlace,
        _ => RegisterColumns.Name,
    };

    /// <summary>The date of the status steps an import records: the file has no column for it.</summary>
    private DateOnly Today => PortalYears.Today(clock);
}
