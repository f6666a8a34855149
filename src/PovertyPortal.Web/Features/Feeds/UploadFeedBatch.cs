using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Documents.Spreadsheets;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Feeds;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Feeds;

/// <summary>
/// Takes a department's monthly list in: matches each row by ID with the register of the uploader's area (through
/// their scoped context, decision 0001), keeps the rows with what the match found, and makes one home-check task per
/// person in the register or near it, in that person's village. The batch, its rows and its tasks are written in one
/// transaction. A list already uploaded for the same department (or 其他 name), month and county is refused.
/// </summary>
public sealed class UploadFeedBatch(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public const int DefaultDueDays = 15;

    /// <summary>IDs per query: a parameter list both providers take well.</summary>
    private const int IdBatch = 2_000;

    public sealed class Command
    {
        public FeedDepartment Department { get; set; }
        public string? Name { get; set; }
        public int? Year { get; set; }
        public int? Month { get; set; }
        public int? DueDays { get; set; } = DefaultDueDays;
        public string FileName { get; set; } = "";
        public Dictionary<FeedField, string> Mapping { get; set; } = [];
        public FeedSheet? Sheet { get; set; }

        public string BatchName => Department == FeedDepartment.Other ? (Name ?? "").Trim() : Department.Label();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写名单名称，如“住建危房排查名单”")
                .MaximumLength(50).WithMessage("名单名称不能超过50个字")
                .When(c => c.Department == FeedDepartment.Other);
            RuleFor(c => c.Year).NotNull().WithMessage("请选择名单所属年份")
                .InclusiveBetween(2015, 2100).WithMessage("年份应在2015至2100之间");
            RuleFor(c => c.Month).NotNull().WithMessage("请选择名单所属月份")
                .InclusiveBetween(1, 12).WithMessage("月份应在1至12之间");
            RuleFor(c => c.DueDays).NotNull().WithMessage("请填写核实期限")
                .InclusiveBetween(1, 90).WithMessage("核实期限应在1至90天之间");
            RuleFor(c => c.Mapping).Must(m => FeedFields.Required.All(f => m.TryGetValue(f, out var h) && !string.IsNullOrWhiteSpace(h)))
                .WithMessage(c => $"请指定这些列：{string.Join("、", FeedFields.Required.Where(f => !c.Mapping.TryGetValue(f, out var h) || string.IsNullOrWhiteSpace(h)).Select(f => f.Label()))}");
            RuleFor(c => c.Mapping).Must(m => m.Values.Where(h => !string.IsNullOrWhiteSpace(h)).GroupBy(h => h.Trim()).All(g => g.Count() == 1))
                .WithMessage("同一列不能对应两个字段");
            RuleFor(c => c.Sheet).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请先上传名单文件")
                .Must(s => s!.Failure is null).WithMessage(c => c.Sheet!.Failure!)
                .Must(s => s!.Rows.Count > 0).WithMessage("文件中没有人员行");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanUploadDepartmentFeeds(currentUser.Role) || currentUser.Scope.CountyId is not int countyId)
        {
            return new(CommandResult.Fail("部门预警信息由县级督导和乡镇干部上传"), 0);
        }
        return await SaveGuard.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var name = command.BatchName;
            int year = command.Year!.Value, month = command.Month!.Value;
            var title = FeedBatch.Titled(name, year, month);
            // Unfiltered on purpose, and within the user's county only: a township official must learn that the county
            // (or another township) has uploaded this month's list, without reading that batch.
            var uploaded = await db.FeedBatches.IgnoreQueryFilters().AnyAsync(b => b.CountyId == countyId && b.Department == command.Department
                && b.Name == name && b.Year == year && b.Month == month, cancellationToken);
            if (uploaded) return new CommandResult<int>(CommandResult.Fail(AlreadyUploaded(title)), 0);

            var countyCode = await db.Counties.Where(c => c.Id == countyId).Select(c => c.AdminCode).FirstAsync(cancellationToken);
            var villages = await db.Villages.AsNoTracking().Where(v => !v.IsRetired)
                .Select(v => new KnownVillage(v.Id, v.TownshipId, v.AdminCode, v.Name, v.Township!.Name)).ToListAsync(cancellationToken);
            var lines = command.Sheet!.Rows.Select(r => r.ToLine()).ToList();
            var registered = await RegisteredAsync(db, lines, cancellationToken);
            var matches = FeedMatching.Match(lines, registered, villages, countyCode);

            var batch = new FeedBatch
            {
                CountyId = countyId, TownshipId = currentUser.Scope.TownshipId, Department = command.Department, Name = name,
                Year = year, Month = month, FileName = Clip(Path.GetFileName(command.FileName), 260)!,
                Mapping = ColumnMapping.Write<FeedField>(command.Mapping), DueOn = PortalYears.Today(clock).AddDays(command.DueDays!.Value),
                RowCount = matches.Count,
                InRegisterCount = matches.Count(m => m.Match == FeedMatch.InRegister),
                NearCount = matches.Count(m => m.Match == FeedMatch.NearRegister),
                UnmatchedCount = matches.Count(m => m.Match == FeedMatch.Unmatched),
            };
            var rows = command.Sheet.Rows.Zip(matches, (r, m) => (Row: ToRow(batch, r, m), Match: m)).ToList();
            batch.Rows.AddRange(rows.Select(r => r.Row));
            var villageOf = villages.ToDictionary(v => v.Id);
            var tasks = rows.Where(r => r.Match.PersonKey is not null).GroupBy(r => r.Match.PersonKey!, StringComparer.Ordinal)
                .Select(person => (Rows: person.Select(p => p.Row).ToList(), Task: ToTask(batch, person.First().Match, person.Select(p => p.Row).ToList(), villageOf)))
                .ToList();
            try
            {
                await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
                {
                    await using var transaction = await db.Database.BeginTransactionAsync(token);
                    db.FeedBatches.Add(batch);
                    foreach (var (_, task) in tasks)
                    {
                        task.FeedBatch = batch;
                        db.HomeCheckTasks.Add(task);
                    }
                    await db.SaveChangesAsync(token);
                    // The rows name their person's task: known only once the tasks have their ids.
                    foreach (var (personRows, task) in tasks)
                    {
                        foreach (var row in personRows) row.HomeCheckTaskId = task.Id;
                    }
                    await db.SaveChangesAsync(token);
                    await transaction.CommitAsync(token);
                }, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Someone else uploaded the same list a moment before: the unique index refused this one.
                return new CommandResult<int>(CommandResult.Fail(AlreadyUploaded(title)), 0);
            }
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.FeedBatchUploaded, AuditOutcome.Success, title, "FeedBatch",
                batch.Id.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture,
                    $"{title}，文件“{batch.FileName}”，{batch.RowCount}行，在册{batch.InRegisterCount}行，本村未在册{batch.NearCount}行，未匹配{batch.UnmatchedCount}行，生成入户核实任务{tasks.Count}条"),
                CancellationToken.None);
            return new CommandResult<int>(CommandResult.Success, batch.Id);
        });
    }

    public static string AlreadyUploaded(string title) =>
        $"{title}已经上传过，同一部门同一月份的名单只能上传一次。如需更正，请在原批次中查看未匹配的行，或请上传人联系县级督导";

    /// <summary>
    /// The members of the area whose IDs the list names, in SQL: the ID is encrypted deterministically, so the database
    /// compares ciphertexts and only these members are read (decision 0016). Any standing: a monitored, exited or removed
    /// household's member is in the register.
    /// </summary>
    private static async Task<Dictionary<string, RegisteredPerson>> RegisteredAsync(PortalDbContext db, IReadOnlyList<FeedLine> lines, CancellationToken ct)
    {
        var ids = lines.Where(l => !l.IdStoredAsNumber)
            .Select(l => Domain.Households.ResidentId.Validate(l.ResidentIdText, out var id) is null ? id : null)
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, RegisteredPerson>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(IdBatch))
        {
            var list = chunk.ToList();
            var people = await db.Members.AsNoTracking().Where(m => list.Contains(m.ResidentId))
                .OrderBy(m => m.IsDeceased).ThenBy(m => m.Id)
                .Select(m => new RegisteredPerson(m.ResidentId, m.Id, m.HouseholdId, m.TownshipId, m.VillageId, m.Name))
                .ToListAsync(ct);
            // One ID twice in the register is a data-check finding of its own; the living member's household is visited.
            foreach (var p in people) found.TryAdd(p.ResidentId, p);
        }
        return found;
    }

    private static FeedRow ToRow(FeedBatch batch, FeedFileRow row, LineMatch match) => new()
    {
        CountyId = batch.CountyId, TownshipId = batch.TownshipId, RowNumber = row.SheetRowNumber,
        ResidentId = Clip(match.ResidentId.Length > 0 ? match.ResidentId : row[FeedField.ResidentId], 40),
        Name = Clip(row[FeedField.Name], 100), VillageCode = Clip(row[FeedField.VillageCode], 50), Village = Clip(row[FeedField.Village], 200),
        Address = Clip(row[FeedField.Address], 400), Amount = Clip(row[FeedField.Amount], 50), Date = Clip(row[FeedField.Date], 50),
        Item = Clip(row[FeedField.Item], 150), Note = Clip(row[FeedField.Note], 400),
        Match = match.Match, Reason = Clip(match.Reason, 200), MatchedVillageId = match.VillageId,
        HouseholdId = match.Person?.HouseholdId, MemberId = match.Person?.MemberId,
    };

    private static HomeCheckTask ToTask(FeedBatch batch, LineMatch first, IReadOnlyList<FeedRow> rows, Dictionary<int, KnownVillage> villages)
    {
        var villageId = first.VillageId!.Value;
        // A member of the register lies where the register has them; a village-less (retired) one by the member's own ids.
        var townshipId = first.Person?.TownshipId ?? villages[villageId].TownshipId;
        return new HomeCheckTask
        {
            CountyId = batch.CountyId, TownshipId = townshipId, VillageId = villageId, Department = batch.Department, Match = first.Match,
            HouseholdId = first.Person?.HouseholdId, MemberId = first.Person?.MemberId,
            PersonName = Clip(first.Person?.Name ?? rows.Select(r => r.Name).FirstOrDefault(n => n is not null) ?? "（未写姓名）", 100)!,
            ResidentId = first.ResidentId, DueOn = batch.DueOn,
            Fact = Clip(FeedMatching.Fact(rows.Select(r => (r.Amount, r.Date, r.Note))), 2000)!,
            Item = Clip(FeedMatching.Items(rows.Select(r => r.Item)), 400),
        };
    }

    private static string? Clip(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
