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
/// The way of a 外出申请 (art. 25): the 司法所 approves up to seven days, or signs its opinion and passes a longer trip
/// (or a first-three-months exception) to the county, which approves or refuses; the return is reported. Each decision
/// by its own level only.
/// </summary>
public sealed class DecideLeaveRequest(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public enum Decision
    {
        Approve,
        Refuse,
        ReportReturn,
    }

    public sealed class Command
    {
        public int LeaveId { get; set; }
        public Guid Version { get; set; }
        public Decision Decision { get; set; }
        public string? Opinion { get; set; }
        public DateTime? ReturnedOn { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.Opinion).Must(o => !string.IsNullOrWhiteSpace(o)).When(c => c.Decision == Decision.Refuse).WithMessage("请填写不予批准的理由");
            RuleFor(c => c.Opinion).MaximumLength(500).WithMessage("意见不能超过500个字");
            RuleFor(c => c.ReturnedOn).Cascade(CascadeMode.Stop).NotNull().When(c => c.Decision == Decision.ReportReturn).WithMessage("请填写返回报告的日期")
                .Must(d => d is null || d < PortalYears.EndOfToday(clock)).WithMessage("返回日期不能晚于今天");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!CorrectionCases.MayAct(currentUser)) return CommandResult.Fail(CorrectionCases.RoleRefusal);

        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var leave = await db.LeaveRequests.FirstOrDefaultAsync(l => l.Id == command.LeaveId, cancellationToken);
        if (leave is null) return CommandResult.Fail("该外出申请不存在或不在您的管辖范围内");
        db.Entry(leave).Property(l => l.Version).OriginalValue = command.Version;
        var county = PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role);
        var by = currentUser.DisplayName;
        var opinion = CorrectionCases.Clean(command.Opinion);
        string what;
        switch (command.Decision)
        {
            case Decision.ReportReturn:
                if (leave.Status != LeaveStatus.Approved) return CommandResult.Fail($"该申请{leave.Status.Label()}，不能登记返回");
                var returned = DateOnly.FromDateTime(command.ReturnedOn!.Value);
                if (returned < leave.From) return CommandResult.Fail(nameof(Command.ReturnedOn), "返回日期不能早于外出日期");
                leave.ReturnedOn = returned;
                leave.Status = LeaveStatus.Returned;
                what = returned > leave.To ? $"外出返回报告（逾期{returned.DayNumber - leave.To.DayNumber}天）" : "外出返回报告";
                break;
            case Decision.Refuse when leave.Status is LeaveStatus.AwaitingOffice or LeaveStatus.AwaitingCounty:
                if (leave.Status == LeaveStatus.AwaitingCounty && !county) return CommandResult.Fail(CorrectionCases.CountyOnly);
                leave.Status = LeaveStatus.Refused;
                leave.RefusalReason = opinion;
                if (county) (leave.CountyDecidedBy, leave.CountyDecidedOn) = (by, today);
                else (leave.OfficeDecidedBy, leave.OfficeDecidedOn, leave.OfficeOpinion) = (by, today, opinion);
                what = "外出申请不予批准";
                break;
            case Decision.Approve when leave.Status == LeaveStatus.AwaitingOffice && county:
                // The county may decide before the 司法所 has: its own decision, not an opinion in the 司法所's name.
                (leave.Status, leave.CountyDecidedBy, leave.CountyDecidedOn) = (LeaveStatus.Approved, by, today);
                what = "县级批准外出";
                break;
            case Decision.Approve when leave.Status == LeaveStatus.AwaitingOffice:
                // The 司法所's word: its approval for a short trip, its signed opinion for one the county decides.
                (leave.OfficeDecidedBy, leave.OfficeDecidedOn, leave.OfficeOpinion) = (by, today, opinion ?? "同意");
                leave.Status = leave.NeedsCounty ? LeaveStatus.AwaitingCounty : LeaveStatus.Approved;
                what = leave.Status == LeaveStatus.Approved ? "批准外出" : "司法所签署意见，报县级审批";
                break;
            case Decision.Approve when leave.Status == LeaveStatus.AwaitingCounty:
                if (!county) return CommandResult.Fail(CorrectionCases.CountyOnly);
                (leave.Status, leave.CountyDecidedBy, leave.CountyDecidedOn) = (LeaveStatus.Approved, by, today);
                what = "县级批准外出";
                break;
            default:
                return CommandResult.Fail($"该申请{leave.Status.Label()}，不能再审批");
        }
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return saved;
        await CorrectionCases.AuditAsync(auditLog, currentUser, leave.SubjectId, what, cancellationToken);
        return CommandResult.Success;
    }
}
