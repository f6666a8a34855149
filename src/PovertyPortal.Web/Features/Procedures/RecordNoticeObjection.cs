using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// 异议: an objection to one household of a notice, received in its period (or up to the township's review). Until it is
/// answered the case cannot pass its township review or be approved.
/// </summary>
public sealed class RecordNoticeObjection(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int CaseId { get; set; }
        public DateTime? ReceivedOn { get; set; }
        public string Objector { get; set; } = "";
        public string Content { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            RuleFor(c => c.ReceivedOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写收到异议的日期")
                .Must(d => d < PortalYears.EndOfToday(clock)).WithMessage("收到异议的日期不能晚于今天");
            RuleFor(c => c.Objector).MaximumLength(50).WithMessage("提出人不能超过50个字");
            RuleFor(c => c.Content).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("请填写异议内容")
                .MaximumLength(1000).WithMessage("异议内容不能超过1000个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanProposeProcedures(currentUser.Role)) return new(CommandResult.Fail("异议由驻村工作队或乡镇干部登记"), 0);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedure = await db.ProcedureCases.Include(c => c.Notice).FirstOrDefaultAsync(c => c.Id == command.CaseId, cancellationToken);
        if (procedure is null) return new(CommandResult.Fail(ProcedureCases.NotFound), 0);
        if (procedure.Notice is not { } notice || procedure.Stage != ProcedureStage.Publicised)
            return new(CommandResult.Fail("只有公示中（或公示期满待乡镇审核）的程序可以登记异议"), 0);
        var received = ProcedureCases.Day(command.ReceivedOn)!.Value;
        if (received < notice.StartsOn) return new(CommandResult.Fail(nameof(Command.ReceivedOn), "收到异议的日期不能早于公示开始日期"), 0);
        var objection = new NoticeObjection
        {
            CountyId = procedure.CountyId, TownshipId = procedure.TownshipId, VillageId = procedure.VillageId,
            PublicNoticeId = notice.Id, ProcedureCaseId = procedure.Id, ReceivedOn = received,
            Objector = ProcedureCases.Clean(command.Objector) ?? "匿名", Content = command.Content.Trim(),
        };
        db.NoticeObjections.Add(objection);
        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (!saved.Succeeded) return new(saved, 0);
        await ProcedureCases.AuditAsync(auditLog, currentUser, procedure, $"登记公示异议（第{objection.Id}号）", cancellationToken);
        return new(CommandResult.Success, objection.Id);
    }
}
