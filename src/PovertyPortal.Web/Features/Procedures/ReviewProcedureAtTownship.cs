using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>乡镇审核: after the 公示 period with every objection answered, by a township official who did not propose the case.</summary>
public sealed class ReviewProcedureAtTownship(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(ProcedureReview command, CancellationToken cancellationToken = default)
    {
        var validation = await new ProcedureReview.Validator("审核").ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanReviewProceduresAtTownship(currentUser.Role)) return CommandResult.Fail("乡镇审核由乡镇干部办理");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedure = await ProcedureCases.LoadAsync(db, command.CaseId, command.Version, cancellationToken);
        if (procedure is null) return CommandResult.Fail(ProcedureCases.NotFound);
        var notice = procedure.PublicNoticeId is int noticeId ? await db.PublicNotices.AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, cancellationToken) : null;
        var open = await ProcedureCases.OpenObjectionsAsync(db, procedure.Id, cancellationToken);
        var rule = procedure.ReviewAtTownship(command.Decision!.Value, PortalYears.Today(clock), command.Opinion.Trim(), currentUser.UserName ?? "", notice, open);
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);
        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (saved.Succeeded) await ProcedureCases.AuditAsync(auditLog, currentUser, procedure, $"乡镇审核：{command.Decision.Value.Label()}", cancellationToken);
        return saved;
    }
}
