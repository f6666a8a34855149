using System.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Assurance;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Dashboard;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Snapshots;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Income;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Snapshots;

/// <summary>
/// 冻结年末数据: copies a county's register as it stands (households with their year-end standing, members, the year's
/// income records, benefits and 两不愁三保障 checks) into a snapshot, in one transaction (decision 0028). The rows are
/// read in batches of households and written in bulk (COPY / one prepared INSERT, NewHouseholdRows), so memory stays
/// flat for a 300,000-household county. A second freeze of the same county and year is refused.
/// </summary>
public sealed class FreezeYearEndSnapshot(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    /// <summary>Households read and written per batch: bounded memory, few round trips.</summary>
    public const int BatchSize = 10_000;

    public sealed class Command
    {
        /// <summary>Needed only when the user's scope holds several counties (system administrators).</summary>
        public int? CountyId { get; set; }
        public int Year { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Year).InclusiveBetween(PortalYears.FirstWorkYear, PortalYears.ThisYear(clock))
                .WithMessage($"只能冻结{PortalYears.FirstWorkYear}年至今年的年末数据");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (SnapshotAccess.Refusal(currentUser) is { } refused) return new(refused, 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (county, why) = await InspectionRoundCommands.CountyAsync(db, command.CountyId, cancellationToken);
        if (county is not int countyId) return new(CommandResult.Fail(nameof(Command.CountyId), why!), 0);
        if (await ExistingAsync(db, countyId, command.Year, cancellationToken) is { } existing) return new(CommandResult.Fail(existing), 0);

        var snapshot = new YearEndSnapshot { CountyId = countyId, Year = command.Year, FrozenAt = clock.GetUtcNow(), FrozenBy = currentUser.UserName ?? "" };
        try
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                snapshot.Id = 0;
                // Repeatable read: on PostgreSQL every batch reads the register as it stood when the freeze began, so the
                // snapshot is one moment even while others save. SQLite's writer lock gives the same.
                await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, token);
                await WriteAsync(db, snapshot, token);
                await transaction.CommitAsync(token);
            }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another user froze the same year a moment earlier: the unique index refused this one.
            if (await ExistingAsync(db, countyId, command.Year, cancellationToken) is { } raced) return new(CommandResult.Fail(raced), 0);
            throw;
        }

        await auditLog.WriteAsync(currentUser.UserName, AuditActions.SnapshotFrozen, AuditOutcome.Success, snapshot.Label,
            nameof(YearEndSnapshot), snapshot.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"{snapshot.Households}户、{snapshot.Members}人、收入核算{snapshot.IncomeRecords}条、政策享受{snapshot.BenefitRecords}条、保障核查{snapshot.AssuranceChecks}户",
            cancellationToken);
        return new(CommandResult.Success, snapshot.Id);
    }

    private static async Task<string?> ExistingAsync(PortalDbContext db, int countyId, int year, CancellationToken cancellationToken)
    {
        var found = await db.YearEndSnapshots.AsNoTracking().Where(s => s.CountyId == countyId && s.Year == year)
            .Select(s => new { s.FrozenAt, s.FrozenBy }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null
            : $"{year}年末数据已于{Documents.ChineseFormat.DateTime(found.FrozenAt)}由{found.FrozenBy}冻结，同一年度不能重复冻结；如需更正，请在登记库中修改，差异将在下一年度变化中列出";
    }

    private static async Task WriteAsync(PortalDbContext db, YearEndSnapshot snapshot, CancellationToken cancellationToken)
    {
        var (countyId, year) = (snapshot.CountyId, snapshot.Year);
        var province = await PovertyLines.ProvinceOfCountyAsync(db, countyId, cancellationToken);
        var line = await PovertyLines.ForAsync(db, province, year, cancellationToken);
        snapshot.PovertyLineInFen = line is null ? null : SnapshotAccess.FenCeiling(line.Amount);
        snapshot.NearLineInFen = line is null ? null : SnapshotAccess.FenCeiling(line.Amount * line.NearLineMultiple);
        // The counts first, in the same transaction, so the snapshot row is written once and never updated.
        snapshot.Households = await db.Households.CountAsync(h => h.CountyId == countyId, cancellationToken);
        snapshot.Members = await db.Members.CountAsync(m => m.CountyId == countyId, cancellationToken);
        snapshot.IncomeRecords = await db.IncomeRecords.CountAsync(r => r.CountyId == countyId && r.Year == year, cancellationToken);
        snapshot.BenefitRecords = await db.BenefitRecords.CountAsync(r => r.CountyId == countyId && r.Year == year, cancellationToken);
        snapshot.AssuranceChecks = await db.AssuranceChecks.CountAsync(c => c.CountyId == countyId && c.Year == year, cancellationToken);
        db.YearEndSnapshots.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);

        var standings = new Standings(year);
        var groups = await db.BenefitPrograms.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Group, cancellationToken);
        var now = snapshot.FrozenAt;
        var last = 0;
        while (true)
        {
            var households = await db.Households.AsNoTracking().Where(h => h.CountyId == countyId && h.Id > last)
                .OrderBy(h => h.Id).Take(BatchSize)
                .Select(h => new Household
                {
                    Id = h.Id, CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId, HouseholdNumber = h.HouseholdNumber,
                    Category = h.Category, PrimaryCause = h.PrimaryCause, SecondaryCause = h.SecondaryCause, Status = h.Status,
                    IdentificationYear = h.IdentificationYear, ExitYear = h.ExitYear, MonitoringType = h.MonitoringType,
                    MonitoringIdentifiedOn = h.MonitoringIdentifiedOn, RiskEliminatedOn = h.RiskEliminatedOn, LivingMembers = h.LivingMembers,
                    IsRelocated = h.IsRelocated, RelocationSite = h.RelocationSite,
                })
                .ToListAsync(cancellationToken);
            if (households.Count == 0) break;
            var (from, to) = (households[0].Id, households[^1].Id);
            last = to;

            var members = await db.Members.AsNoTracking().Where(m => m.CountyId == countyId && m.HouseholdId >= from && m.HouseholdId <= to)
                .Select(m => new SnapshotMember
                {
                    SnapshotId = snapshot.Id, MemberId = m.Id, HouseholdId = m.HouseholdId, CountyId = m.CountyId, TownshipId = m.TownshipId,
                    VillageId = m.VillageId, Name = m.Name, Relationship = m.Relationship, Gender = m.Gender, BirthDate = m.BirthDate,
                    SchoolingStatus = m.SchoolingStatus, Health = m.Health, DisabilityGrade = m.DisabilityGrade, LabourAbility = m.LabourAbility,
                    HasBasicMedicalInsurance = m.HasBasicMedicalInsurance, HasSeriousIllnessInsurance = m.HasSeriousIllnessInsurance,
                    HasPensionInsurance = m.HasPensionInsurance, IsDeceased = m.IsDeceased, DeceasedOn = m.DeceasedOn,
                })
                .ToListAsync(cancellationToken);
            var incomes = await db.IncomeRecords.AsNoTracking()
                .Where(r => r.CountyId == countyId && r.Year == year && r.HouseholdId >= from && r.HouseholdId <= to)
                .ToDictionaryAsync(r => r.HouseholdId, cancellationToken);
            var checks = await db.AssuranceChecks.AsNoTracking()
                .Where(c => c.CountyId == countyId && c.Year == year && c.HouseholdId >= from && c.HouseholdId <= to)
                .Select(c => new { c.HouseholdId, c.HousingGrade, Items = c.Items.Select(i => new { i.Kind, i.Met }).ToList() })
                .ToDictionaryAsync(c => c.HouseholdId, cancellationToken);
            var benefits = await db.BenefitRecords.AsNoTracking()
                .Where(r => r.CountyId == countyId && r.Year == year && r.HouseholdId >= from && r.HouseholdId <= to)
                .Select(r => new { r.HouseholdId, r.TownshipId, r.VillageId, r.ProgramId, r.Amount })
                .ToListAsync(cancellationToken);

            var heads = members.Where(m => m.Relationship == Relationship.Head)
                .GroupBy(m => m.HouseholdId).ToDictionary(g => g.Key, g => g.First().Name);
            var rows = households.Select(h =>
            {
                var row = new SnapshotHousehold
                {
                    SnapshotId = snapshot.Id, HouseholdId = h.Id, CountyId = h.CountyId, TownshipId = h.TownshipId, VillageId = h.VillageId,
                    HouseholdNumber = h.HouseholdNumber, HeadName = heads.GetValueOrDefault(h.Id), Category = h.Category,
                    PrimaryCause = h.PrimaryCause, SecondaryCause = h.SecondaryCause, Status = h.Status,
                    IdentificationYear = h.IdentificationYear, ExitYear = h.ExitYear,
                    IsRegistered = standings.Registered(h), IsExited = standings.Exited(h),
                    IsMonitored = standings.Monitored(h), IsRiskEliminated = standings.RiskEliminated(h),
                    MonitoringType = h.MonitoringType, MonitoringIdentifiedOn = h.MonitoringIdentifiedOn, RiskEliminatedOn = h.RiskEliminatedOn,
                    LivingMembers = h.LivingMembers, IsRelocated = h.IsRelocated, RelocationSite = h.RelocationSite,
                };
                if (incomes.TryGetValue(h.Id, out var income))
                {
                    row.HasIncome = true;
                    row.WageIncomeInFen = SnapshotAccess.Fen(income.WageIncome);
                    row.OperatingIncomeInFen = SnapshotAccess.Fen(income.OperatingIncome);
                    row.PropertyIncomeInFen = SnapshotAccess.Fen(income.PropertyIncome);
                    row.TransferIncomeInFen = SnapshotAccess.Fen(income.TransferIncome);
                    row.ProductionCostsInFen = SnapshotAccess.Fen(income.ProductionCosts);
                    row.AnnualNetInFen = SnapshotAccess.Fen(income.AnnualNet);
                    row.MemberYears = income.MemberYears;
                    row.NetIncomePerCapitaInFen = SnapshotAccess.Fen(income.NetIncomePerCapita);
                }
                if (checks.TryGetValue(h.Id, out var check))
                {
                    row.HasAssuranceCheck = true;
                    row.HousingGrade = check.HousingGrade;
                    row.MetItems = check.Items.Where(i => i.Met).Aggregate(0, (bits, i) => bits | AssuranceTally.Bit(i.Kind));
                    row.FailedItems = check.Items.Where(i => !i.Met).Aggregate(0, (bits, i) => bits | AssuranceTally.Bit(i.Kind));
                }
                return row;
            }).ToList();
            var benefitRows = benefits.GroupBy(b => (b.HouseholdId, b.ProgramId))
                .Select(g => new SnapshotBenefit
                {
                    SnapshotId = snapshot.Id, HouseholdId = g.Key.HouseholdId, ProgramId = g.Key.ProgramId, Group = groups[g.Key.ProgramId],
                    CountyId = countyId, TownshipId = g.First().TownshipId, VillageId = g.First().VillageId,
                    Records = g.Count(), AmountInFen = g.Sum(b => SnapshotAccess.Fen(b.Amount)),
                })
                .ToList();
            await WriteRowsAsync(db, rows, now, cancellationToken);
            await WriteRowsAsync(db, members, now, cancellationToken);
            await WriteRowsAsync(db, benefitRows, now, cancellationToken);
        }
    }

    private static async Task WriteRowsAsync<T>(PortalDbContext db, IReadOnlyList<T> rows, DateTimeOffset now, CancellationToken cancellationToken)
        where T : class, Domain.Areas.IAreaBound
    {
        if (rows.Count == 0) return;
        if (NewHouseholdRows.IsSupported(db))
        {
            await NewHouseholdRows.WriteAsync(db, rows, now, cancellationToken);
            return;
        }
        db.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The year-end standings of RegistryStandings, compiled once, evaluated on each household as the dashboard's SQL does.</summary>
    private sealed class Standings(int year)
    {
        public Func<Household, bool> Registered { get; } = RegistryStandings.Is(RegistryStanding.Registered, year).Compile();
        public Func<Household, bool> Exited { get; } = RegistryStandings.Is(RegistryStanding.Exited, year).Compile();
        public Func<Household, bool> Monitored { get; } = RegistryStandings.Is(RegistryStanding.Monitored, year).Compile();
        public Func<Household, bool> RiskEliminated { get; } = RegistryStandings.Is(RegistryStanding.RiskEliminated, year).Compile();
    }
}
