using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>Writes a 工作日志: date, type, participants, the registered households visited, summary.</summary>
public sealed class SaveWorkLog(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public DateTime? Date { get; set; }
        public WorkLogType? Type { get; set; }
        public string Participants { get; set; } = "";
        public string Summary { get; set; } = "";
        public List<int> HouseholdIds { get; set; } = [];
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var tomorrow = PortalYears.EndOfToday(clock);
            RuleFor(c => c.Date).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写日期")
                .LessThan(tomorrow).WithMessage("日期不能晚于今天")
                .GreaterThanOrEqualTo(new DateTime(PortalYears.FirstWorkYear, 1, 1)).WithMessage($"日期不能早于{PortalYears.FirstWorkYear}年");
            RuleFor(c => c.Type).NotNull().WithMessage("请选择工作类型");
            RuleFor(c => c.Participants).MaximumLength(200).WithMessage("参加人员不能超过200个字");
            RuleFor(c => c.Summary).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写工作内容")
                .MaximumLength(2000).WithMessage("工作内容不能超过2000个字");
            RuleFor(c => c.HouseholdIds).Must(ids => ids.Count <= 200).WithMessage("一条日志最多关联200户");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Participants = command.Participants.Trim();
        command.Summary = command.Summary.Trim();
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return new(CommandResult.Fail("您的角色不能填写工作日志"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);

        WorkLog log;
        if (command.Id is int id)
        {
            var existing = await db.WorkLogs.Include(l => l.Households).FirstOrDefaultAsync(l => l.Id == id && l.VillageId == village.Id, cancellationToken);
            if (existing is null) return new(CommandResult.Fail("该工作日志不存在或不在您的管辖范围内"), 0);
            log = existing;
            RecordVersion.Expect(db, log, command.Version);
        }
        else
        {
            log = new WorkLog { Summary = command.Summary, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id };
            db.WorkLogs.Add(log);
        }

        var householdIds = command.HouseholdIds.Distinct().ToList();
        var linked = log.Households.Select(h => h.HouseholdId).ToList();
        var inVillage = await db.Households.Where(h => h.VillageId == village.Id && (householdIds.Contains(h.Id) || linked.Contains(h.Id)))
            .Select(h => h.Id).ToListAsync(cancellationToken);
        if (householdIds.Except(linked).Except(inVillage).Any())
            return new(CommandResult.Fail(nameof(Command.HouseholdIds), "走访的农户须是本村登记的农户"), 0);
        // A visited household that has since moved to another village is no longer among the form's choices; its visit
        // stays, since it is this village's past work (HouseholdArea.MoveAsync leaves visits with their log).
        householdIds.AddRange(linked.Except(inVillage).Except(householdIds).ToList());
        var date = DateOnly.FromDateTime(command.Date!.Value);
        log.Date = date;
        log.Type = command.Type!.Value;
        log.Participants = command.Participants;
        log.Summary = command.Summary;
        // The team in the village on that day; the later one during a handover.
        log.WorkTeamId = await db.WorkTeams.Where(t => t.VillageId == village.Id && t.StartDate <= date && (t.EndDate == null || t.EndDate >= date))
            .OrderByDescending(t => t.StartDate).Select(t => (int?)t.Id).FirstOrDefaultAsync(cancellationToken);
        log.Households.RemoveAll(h => !householdIds.Contains(h.HouseholdId));
        foreach (var householdId in householdIds.Where(h => log.Households.All(x => x.HouseholdId != h)))
        {
            log.Households.Add(new WorkLogHousehold { HouseholdId = householdId, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该工作日志"), 0);
        }
        return new(CommandResult.Success, log.Id);
    }
}
