using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>
/// Adds a work team to a village or changes one: dispatching unit, who appointed it, its dates and handover. Teams and
/// members are never deleted: their attendance is the record of the 五天四夜 rule; a team that ended gets an end date.
/// </summary>
public sealed class SaveWorkTeam(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public string DispatchingUnit { get; set; } = "";
        public string? AppointedBy { get; set; }
        public DateTime? StartDate { get; set; }
        public DateTime? EndDate { get; set; }
        public DateTime? HandoverUntil { get; set; }

        public static Command From(ListWorkTeams.TeamRow t, int villageId) => new()
        {
            Id = t.Id, Version = t.Version, VillageId = villageId, DispatchingUnit = t.DispatchingUnit, AppointedBy = t.AppointedBy,
            StartDate = t.StartDate.ToDateTime(TimeOnly.MinValue), EndDate = t.EndDate?.ToDateTime(TimeOnly.MinValue),
            HandoverUntil = t.HandoverUntil?.ToDateTime(TimeOnly.MinValue),
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DispatchingUnit).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写派出单位")
                .MaximumLength(100).WithMessage("派出单位不能超过100个字");
            RuleFor(c => c.AppointedBy).MaximumLength(100).WithMessage("选派单位不能超过100个字");
            RuleFor(c => c.StartDate).NotNull().WithMessage("请填写进驻日期");
            RuleFor(c => c.EndDate).GreaterThanOrEqualTo(c => c.StartDate).WithMessage("撤离日期不能早于进驻日期")
                .When(c => c.EndDate is not null && c.StartDate is not null);
            RuleFor(c => c.HandoverUntil).Cascade(CascadeMode.Stop)
                .GreaterThanOrEqualTo(c => c.StartDate).WithMessage("交接截止日期不能早于进驻日期")
                .LessThanOrEqualTo(c => c.EndDate).WithMessage("交接截止日期不能晚于撤离日期").When(c => c.EndDate is not null)
                .When(c => c.HandoverUntil is not null && c.StartDate is not null);
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanManageTeams(currentUser.Role)) return new(CommandResult.Fail("您的角色不能管理驻村工作队"), 0);
        command.DispatchingUnit = command.DispatchingUnit.Trim();
        command.AppointedBy = string.IsNullOrWhiteSpace(command.AppointedBy) ? null : command.AppointedBy.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);

        WorkTeam team;
        if (command.Id is int id)
        {
            var found = await db.WorkTeams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == id && t.VillageId == village.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该工作队不存在或不在您的管辖范围内"), 0);
            team = found;
            RecordVersion.Expect(db, found, command.Version);
        }
        else
        {
            team = new WorkTeam { DispatchingUnit = command.DispatchingUnit, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id };
            db.WorkTeams.Add(team);
        }
        team.DispatchingUnit = command.DispatchingUnit;
        team.AppointedBy = command.AppointedBy;
        team.StartDate = DateOnly.FromDateTime(command.StartDate!.Value);
        team.EndDate = command.EndDate is { } end ? DateOnly.FromDateTime(end) : null;
        team.HandoverUntil = command.HandoverUntil is { } handover ? DateOnly.FromDateTime(handover) : null;

        var teamPeriod = new DatePeriod(team.StartDate, team.EndDate);
        if (team.Members.FirstOrDefault(m => !Within(teamPeriod, new DatePeriod(m.StartDate, m.EndDate))) is { } outside)
        {
            return new(CommandResult.Fail(nameof(Command.StartDate), $"队员{outside.Name}的驻村日期超出了工作队的期间，请先调整该队员的日期"), 0);
        }
        // Changing the dates or the handover of a team may make its leader clash with another team's.
        var leaders = await TeamLeaders.OfVillageAsync(db, village.Id, team, cancellationToken);
        foreach (var leader in leaders.Where(l => team.Members.Any(m => m.Id == l.MemberId)))
        {
            if (LeaderOverlap.FindClash(leader, leaders.Where(l => team.Members.All(m => m.Id != l.MemberId))) is { } clash)
            {
                return new(CommandResult.Fail(nameof(Command.HandoverUntil), TeamLeaders.ClashMessage(leader.Name, clash)), 0);
            }
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该工作队"), 0);
        }
        return new(CommandResult.Success, team.Id);
    }

    internal static bool Within(DatePeriod outer, DatePeriod inner) =>
        outer.Contains(inner.Start) && (outer.End is null || (inner.End is { } e && e <= outer.End.Value));
}
