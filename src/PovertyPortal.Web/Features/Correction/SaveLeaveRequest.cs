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
/// 外出申请 (arts. 24–25): entered by the 司法所 (or the county) with every limit checked before it is kept — abroad, one
/// month a trip, sixty days in six months, none in the first three months unless the county grants an exception, a
/// minor's guardian. An approved trip may be extended within its month (本人返回办理, or by a relative with the county's
/// consent).
/// </summary>
public sealed class SaveLeaveRequest(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int SubjectId { get; set; }

        /// <summary>Set to extend an approved trip; then only <see cref="To"/>, the reason and the proxy flag count.</summary>
        public int? ExtendLeaveId { get; set; }
        public Guid Version { get; set; }
        public DateTime? From { get; set; }
        public DateTime? To { get; set; }
        public string Destination { get; set; } = "";
        public string Reason { get; set; } = "";
        public bool Abroad { get; set; }
        public string? Companion { get; set; }
        public string? ExceptionReason { get; set; }
        public bool ByProxy { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.To).NotNull().WithMessage("请填写返回日期");
            When(c => c.ExtendLeaveId is null, () =>
            {
                RuleFor(c => c.From).NotNull().WithMessage("请填写外出日期");
                RuleFor(c => c.To).GreaterThanOrEqualTo(c => c.From).When(c => c.From is not null && c.To is not null).WithMessage("返回日期不能早于外出日期");
                RuleFor(c => c.Destination).Cascade(CascadeMode.Stop)
                    .Must(d => !string.IsNullOrWhiteSpace(d)).WithMessage("请填写外出目的地")
                    .MaximumLength(200).WithMessage("目的地不能超过200个字");
                RuleFor(c => c.Abroad).Equal(false).WithMessage("社区矫正期间禁止出国（境）（第二十四条）");
            });
            RuleFor(c => c.Reason).Cascade(CascadeMode.Stop)
                .Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写外出（延期）事由，如就医、家庭重大变故")
                .MaximumLength(500).WithMessage("事由不能超过500个字");
            RuleFor(c => c.Companion).MaximumLength(50).WithMessage("陪同监护人不能超过50个字");
            RuleFor(c => c.ExceptionReason).MaximumLength(500).WithMessage("特殊情况说明不能超过500个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!CorrectionCases.MayAct(currentUser)) return new(CommandResult.Fail(CorrectionCases.RoleRefusal), 0);

        var today = PortalYears.Today(clock);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var subject = await db.CorrectionSubjects.AsNoTracking().FirstOrDefaultAsync(s => s.Id == command.SubjectId, cancellationToken);
        if (subject is null) return new(CommandResult.Fail(CorrectionCases.NotFound), 0);
        if (subject.Stage != CaseStage.UnderCorrection) return new(CommandResult.Fail($"案件处于“{subject.Stage.Label()}”阶段，不能办理外出"), 0);
        var others = await db.LeaveRequests.AsNoTracking()
            .Where(l => l.SubjectId == subject.Id && l.Status != LeaveStatus.Refused && l.Id != command.ExtendLeaveId)
            .Select(l => new { l.From, l.To }).ToListAsync(cancellationToken);
        var otherTrips = others.Select(o => (o.From, o.To)).ToList();
        var to = DateOnly.FromDateTime(command.To!.Value);

        LeaveRequest leave;
        string what;
        if (command.ExtendLeaveId is int leaveId)
        {
            var found = await db.LeaveRequests.FirstOrDefaultAsync(l => l.Id == leaveId && l.SubjectId == subject.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该外出申请不存在或不在您的管辖范围内"), 0);
            db.Entry(found).Property(l => l.Version).OriginalValue = command.Version;
            if (found.Status != LeaveStatus.Approved || found.ReturnedOn is not null) return new(CommandResult.Fail("只有已批准且尚未返回的外出可以延期"), 0);
            if (LeaveRules.CheckExtension(found, to) is { } refusal) return new(CommandResult.Fail(nameof(Command.To), refusal), 0);
            if (LeaveRules.Check(found.From, to, false, subject.CorrectionStart ?? found.From, subject.IsMinor, found.Companion, found.ExceptionReason ?? "延期", otherTrips)
                is [var limit, ..])
            {
                return new(CommandResult.Fail(nameof(Command.To), limit), 0);
            }
            // A relative may ask for the extension only with the county's consent; a trip growing past seven days is the county's to extend.
            if ((command.ByProxy || LeaveRules.NeedsCounty(found.From, to, found.ExceptionReason)) && !PortalRoles.CanDecideCorrectionAtCounty(currentUser.Role))
                return new(CommandResult.Fail(command.ByProxy ? "委托家属、监护人或保证人代为办理延期，须经县级司法行政机关同意" : "延期后超过七日，须报县级司法行政机关审批"), 0);
            found.OriginalTo ??= found.To;
            found.To = to;
            found.ExtensionReason = command.Reason.Trim();
            found.ExtendedByProxy = command.ByProxy;
            leave = found;
            what = $"外出延期至{to:yyyy-MM-dd}";
        }
        else
        {
            var from = DateOnly.FromDateTime(command.From!.Value);
            if (from < today) return new(CommandResult.Fail(nameof(Command.From), "外出须事先审批：外出日期不能早于今天"), 0);
            if (LeaveRules.Check(from, to, command.Abroad, subject.CorrectionStart ?? from, subject.IsMinor, command.Companion, command.ExceptionReason, otherTrips)
                is { Count: > 0 } refusals)
            {
                return new(CommandResult.Fail(refusals[0]), 0);
            }
            leave = new LeaveRequest
            {
                CountyId = subject.CountyId, TownshipId = subject.TownshipId, SubjectId = subject.Id, From = from, To = to,
                Destination = command.Destination.Trim(), Reason = command.Reason.Trim(), Companion = CorrectionCases.Clean(command.Companion),
                ExceptionReason = CorrectionCases.Clean(command.ExceptionReason), Status = LeaveStatus.AwaitingOffice,
            };
            db.LeaveRequests.Add(leave);
            what = $"外出申请{leave.Days}天";
        }
        var saved = await CorrectionCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        await CorrectionCases.AuditAsync(auditLog, currentUser, subject.Id, what, cancellationToken);
        return new(CommandResult.Success, leave.Id);
    }
}
