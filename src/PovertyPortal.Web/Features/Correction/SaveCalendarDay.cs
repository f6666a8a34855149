using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>
/// The working-day calendar every deadline counts on: a holiday on a weekday, a 调休 working weekend, or (Remove) back
/// to the plain week. Kept by the county justice bureaus; country-wide, so the next year's State Council arrangement is
/// typed in once.
/// </summary>
public sealed class SaveCalendarDay(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        public DateTime? Date { get; set; }
        public bool IsWorkingDay { get; set; }
        public string Name { get; set; } = "";
        public bool Remove { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Date).NotNull().WithMessage("请选择日期");
            When(c => !c.Remove, () =>
            {
                RuleFor(c => c.Name).Cascade(CascadeMode.Stop).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写节日或调休的名称，如“春节”“国庆节调休上班”")
                    .MaximumLength(50).WithMessage("名称不能超过50个字");
                RuleFor(c => c.IsWorkingDay).Must((c, working) => Differs(DateOnly.FromDateTime(c.Date!.Value), working)).When(c => c.Date is not null)
                    .WithMessage(c => c.IsWorkingDay ? "工作日本来就上班：调休上班只登记周末" : "周末本来就休息：放假只登记工作日");
            });
        }

        // An entry that says what the plain week says would change nothing and hide a typing error.
        private static bool Differs(DateOnly date, bool working) =>
            WorkingCalendar.WeekendsOnly.IsWorkingDay(date) != working;
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanEditWorkingCalendar(currentUser.Role)) return CommandResult.Fail("工作日历由县级司法行政机关维护");

        var date = DateOnly.FromDateTime(command.Date!.Value);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, cancellationToken);
        if (command.Remove)
        {
            if (day is null) return CommandResult.Fail("该日期没有登记节假日或调休");
            db.CalendarDays.Remove(day);
        }
        else
        {
            if (day is null) db.CalendarDays.Add(day = new CalendarDay { Date = date, Name = "" });
            day.IsWorkingDay = command.IsWorkingDay;
            day.Name = command.Name.Trim();
        }
        await db.SaveChangesAsync(cancellationToken);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.WorkingCalendarChanged, AuditOutcome.Success, null, nameof(CalendarDay),
            date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            command.Remove ? "恢复为普通日" : command.IsWorkingDay ? $"调休上班：{command.Name.Trim()}" : $"放假：{command.Name.Trim()}", cancellationToken);
        return CommandResult.Success;
    }
}
