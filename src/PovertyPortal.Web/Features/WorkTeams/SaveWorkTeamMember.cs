using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>
/// Adds a member to a team or changes one: role, own dates within the team's, and optionally the portal account
/// (a 驻村工作队长 or 队员 of the same village) that records attendance and logs as this member.
/// </summary>
public sealed class SaveWorkTeamMember(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public int WorkTeamId { get; set; }
        public string Name { get; set; } = "";
        public string? Unit { get; set; }
        public string? Phone { get; set; }
        public WorkTeamRole? Role { get; set; }
        public DateTime? StartDate { get; set; }
        public DateTime? EndDate { get; set; }
        public string? UserId { get; set; }

        public static Command From(ListWorkTeams.MemberRow m) => new()
        {
            Id = m.Id, Version = m.Version, WorkTeamId = m.WorkTeamId, Name = m.Name, Unit = m.Unit, Phone = m.Phone, Role = m.Role,
            StartDate = m.StartDate.ToDateTime(TimeOnly.MinValue), EndDate = m.EndDate?.ToDateTime(TimeOnly.MinValue), UserId = m.UserId,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写姓名")
                .Length(2, 20).WithMessage("姓名应为2至20个字");
            RuleFor(c => c.Unit).MaximumLength(100).WithMessage("工作单位不能超过100个字");
            RuleFor(c => c.Phone).Matches(@"^[0-9\-]{7,20}$").WithMessage("联系电话应为7至20位数字")
                .When(c => !string.IsNullOrWhiteSpace(c.Phone));
            RuleFor(c => c.Role).NotNull().WithMessage("请选择职务");
            RuleFor(c => c.StartDate).NotNull().WithMessage("请填写进驻日期");
            RuleFor(c => c.EndDate).GreaterThanOrEqualTo(c => c.StartDate).WithMessage("撤离日期不能早于进驻日期")
                .When(c => c.EndDate is not null && c.StartDate is not null);
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanManageTeams(currentUser.Role)) return new(CommandResult.Fail("您的角色不能管理驻村工作队"), 0);
        command.Name = command.Name.Trim();
        command.Unit = string.IsNullOrWhiteSpace(command.Unit) ? null : command.Unit.Trim();
        command.Phone = string.IsNullOrWhiteSpace(command.Phone) ? null : command.Phone.Trim();
        command.UserId = string.IsNullOrWhiteSpace(command.UserId) ? null : command.UserId;
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.WorkTeams.FirstOrDefaultAsync(t => t.Id == command.WorkTeamId, cancellationToken);
        if (team is null) return new(CommandResult.Fail("该工作队不存在或不在您的管辖范围内"), 0);

        WorkTeamMember member;
        if (command.Id is int id)
        {
            var found = await db.WorkTeamMembers.FirstOrDefaultAsync(m => m.Id == id && m.WorkTeamId == team.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该队员不存在或不在您的管辖范围内"), 0);
            member = found;
            RecordVersion.Expect(db, found, command.Version);
        }
        else
        {
            member = new WorkTeamMember { Name = command.Name, WorkTeamId = team.Id };
            db.WorkTeamMembers.Add(member);
        }

        var period = new DatePeriod(DateOnly.FromDateTime(command.StartDate!.Value), command.EndDate is { } end ? DateOnly.FromDateTime(end) : null);
        if (!SaveWorkTeam.Within(new DatePeriod(team.StartDate, team.EndDate), period))
        {
            var teamEnd = team.EndDate is { } te ? te.ToString("yyyy-MM-dd") : "今";
            return new(CommandResult.Fail(nameof(Command.StartDate), $"队员的驻村日期应在工作队期间（{team.StartDate:yyyy-MM-dd}至{teamEnd}）之内"), 0);
        }
        if (command.Role == WorkTeamRole.TeamLeader)
        {
            var leaders = await TeamLeaders.OfVillageAsync(db, team.VillageId, null, cancellationToken);
            var candidate = new LeaderOverlap.LeaderPeriod(member.Id, command.Name, team.DispatchingUnit, period,
                team.HandoverUntil is { } until ? new DatePeriod(team.StartDate, until) : null);
            if (LeaderOverlap.FindClash(candidate, leaders.Where(l => l.MemberId != member.Id)) is { } clash)
            {
                return new(CommandResult.Fail(nameof(Command.Role), TeamLeaders.ClashMessage(command.Name, clash)), 0);
            }
        }
        if (command.UserId is { } userId && await UserProblemAsync(db, userId, team, member.Id, cancellationToken) is { } problem)
        {
            return new(CommandResult.Fail(nameof(Command.UserId), problem), 0);
        }

        member.Name = command.Name;
        member.Unit = command.Unit;
        member.Phone = command.Phone;
        member.Role = command.Role!.Value;
        member.StartDate = period.Start;
        member.EndDate = period.End;
        member.UserId = command.UserId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该队员"), 0);
        }
        return new(CommandResult.Success, member.Id);
    }

    /// <summary>The linked account must be a work-team account of the same village, linked to no other member of the team.</summary>
    private static async Task<string?> UserProblemAsync(PortalDbContext db, string userId, WorkTeam team, int memberId, CancellationToken cancellationToken)
    {
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new
            {
                u.VillageId,
                u.DisplayName,
                Role = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null || user.VillageId != team.VillageId || !PortalRoles.IsWorkTeam(user.Role))
        {
            return "只能关联本村的驻村工作队长或队员账号";
        }
        if (await db.WorkTeamMembers.AnyAsync(m => m.WorkTeamId == team.Id && m.UserId == userId && m.Id != memberId, cancellationToken))
        {
            return $"账号“{user.DisplayName}”已关联本队的另一名队员";
        }
        return null;
    }
}
