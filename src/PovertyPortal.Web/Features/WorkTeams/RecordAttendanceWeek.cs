using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.WorkTeams;

/// <summary>
/// 驻村考勤 for one ISO week (Monday to Sunday): the days in the village and the nights stayed, for one member or,
/// when a leader records, for several members of the team at once. The week's stored days of those members are
/// replaced by what is sent, so a second save corrects the first, for Attendance:LockAfterDays (default 30) after the
/// week was first recorded; later only a county supervisor (or the system administrator) may change it. Every rewrite
/// is in the audit trail, old → new.
/// </summary>
public sealed class RecordAttendanceWeek(
    IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock, AuditLog auditLog, IConfiguration configuration)
{
    public sealed class DayEntry
    {
        public bool Present { get; set; }
        public bool StayedNight { get; set; }
        public TimeSpan? ArrivedAt { get; set; }
        public TimeSpan? LeftAt { get; set; }
        public string? Note { get; set; }
    }

    public sealed class Command
    {
        public int WorkTeamId { get; set; }
        public DateTime? Monday { get; set; }
        public List<int> MemberIds { get; set; } = [];

        /// <summary>Seven entries, Monday first.</summary>
        public List<DayEntry> Days { get; set; } = Enumerable.Range(0, 7).Select(_ => new DayEntry()).ToList();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var today = PortalYears.Today(clock);
            RuleFor(c => c.Monday).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请选择周次")
                .Must(d => d!.Value.DayOfWeek == DayOfWeek.Monday).WithMessage("考勤按周登记，周次应从星期一开始");
            RuleFor(c => c.MemberIds).NotEmpty().WithMessage("请选择至少一名队员");
            RuleFor(c => c.Days).Cascade(CascadeMode.Stop)
                .Must(d => d.Count == 7).WithMessage("一周应为7天")
                .Must(d => d.Count(x => x.StayedNight) <= d.Count(x => x.Present)).WithMessage("住村夜数不能多于在村天数")
                .Must(d => d.All(x => !x.StayedNight || x.Present)).WithMessage("只有在村的日子才能登记住村")
                .Must(d => d.All(x => x.ArrivedAt is null || x.LeftAt is null || x.LeftAt > x.ArrivedAt)).WithMessage("离村时间应晚于到村时间")
                .Must(d => d.All(x => (x.Note ?? "").Length <= 200)).WithMessage("备注不能超过200个字");
            RuleFor(c => c.Days).Must((c, d) => c.Monday is null || Enumerable.Range(0, 7)
                    .All(i => !d[i].Present || DateOnly.FromDateTime(c.Monday.Value).AddDays(i) <= today))
                .WithMessage("不能登记今天以后的考勤").When(c => c.Days.Count == 7);
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return CommandResult.Fail("您的角色不能登记考勤");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var team = await db.WorkTeams.Include(t => t.Members).FirstOrDefaultAsync(t => t.Id == command.WorkTeamId, cancellationToken);
        if (team is null) return CommandResult.Fail("该工作队不存在或不在您的管辖范围内");
        var members = team.Members.Where(m => command.MemberIds.Contains(m.Id)).ToList();
        if (members.Count != command.MemberIds.Distinct().Count()) return CommandResult.Fail(nameof(Command.MemberIds), "所选队员不属于该工作队");
        if (!PortalRoles.CanRecordAttendanceForOthers(currentUser.Role) && members.Any(m => m.UserId is null || m.UserId != currentUser.UserId))
        {
            return CommandResult.Fail(nameof(Command.MemberIds), "驻村工作队员只能登记本人的考勤");
        }

        var monday = DateOnly.FromDateTime(command.Monday!.Value);
        var sunday = monday.AddDays(6);
        foreach (var member in members)
        {
            var dates = new DatePeriod(member.StartDate, member.EndDate);
            var outside = Enumerable.Range(0, 7).Where(i => command.Days[i].Present && !dates.Contains(monday.AddDays(i))).ToList();
            if (outside.Count > 0)
            {
                return CommandResult.Fail(nameof(Command.Days), $"{member.Name}在{monday.AddDays(outside[0]):yyyy-MM-dd}不在驻村期间内，不能登记考勤");
            }
        }

        var memberIds = members.Select(m => m.Id).ToList();
        var existing = await db.AttendanceDays.Where(a => memberIds.Contains(a.WorkTeamMemberId) && a.Date >= monday && a.Date <= sunday)
            .ToListAsync(cancellationToken);
        // Counted from the week's first recording, not from the week itself: a team may still enter a past week it missed,
        // and correct it for a while, but attendance that has stood for the period is no longer the team's to change.
        var lockDays = configuration.GetValue("Attendance:LockAfterDays", 30);
        if (existing.Count > 0 && !PortalRoles.CanChangeLockedAttendance(currentUser.Role)
            && existing.Min(a => a.CreatedAt) < clock.GetUtcNow().AddDays(-lockDays))
        {
            return CommandResult.Fail(nameof(Command.Monday), $"{monday:yyyy-MM-dd} 这一周的考勤登记已超过 {lockDays} 天，已锁定：如需更改，请联系县级督导。");
        }
        db.AttendanceDays.RemoveRange(existing);
        foreach (var member in members)
        {
            for (var i = 0; i < 7; i++)
            {
                var entry = command.Days[i];
                if (!entry.Present) continue;
                db.AttendanceDays.Add(new AttendanceDay
                {
                    CountyId = team.CountyId, TownshipId = team.TownshipId, VillageId = team.VillageId,
                    WorkTeamId = team.Id, WorkTeamMemberId = member.Id, Date = monday.AddDays(i),
                    ArrivedAt = entry.ArrivedAt is { } a ? TimeOnly.FromTimeSpan(a) : null,
                    LeftAt = entry.LeftAt is { } l ? TimeOnly.FromTimeSpan(l) : null,
                    StayedNight = entry.StayedNight,
                    Note = string.IsNullOrWhiteSpace(entry.Note) ? null : entry.Note.Trim(),
                });
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        // A week saved over an earlier one rewrites attendance that counts for 驻村 compliance: record old → new.
        foreach (var member in members)
        {
            var old = existing.Where(a => a.WorkTeamMemberId == member.Id).ToList();
            if (old.Count == 0) continue;
            var present = command.Days.Count(d => d.Present);
            var nights = command.Days.Count(d => d.StayedNight);
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.AttendanceRewritten, AuditOutcome.Success,
                $"工作队 {team.Id} · 队员 {member.Id} · {monday:yyyy-MM-dd} 周", nameof(WorkTeamMember),
                member.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"在村 {old.Count} 天 → {present} 天；住村 {old.Count(a => a.StayedNight)} 夜 → {nights} 夜", cancellationToken);
        }
        return CommandResult.Success;
    }
}
