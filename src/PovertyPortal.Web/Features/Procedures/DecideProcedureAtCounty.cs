using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// 县级审批: approves, sends back or rejects. An approval checks the household's standing and the county's rules again
/// and changes the household in the same save, with the status step naming the case; nothing else changes a standing.
/// </summary>
public sealed class DecideProcedureAtCounty(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public async Task<CommandResult> HandleAsync(ProcedureReview command, CancellationToken cancellationToken = default)
    {
        var validation = await new ProcedureReview.Validator("审批").ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanApproveProcedures(currentUser.Role)) return CommandResult.Fail("县级审批由县级督导办理");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var procedure = await ProcedureCases.LoadAsync(db, command.CaseId, command.Version, cancellationToken);
        if (procedure is null) return CommandResult.Fail(ProcedureCases.NotFound);
        var today = PortalYears.Today(clock);
        var open = await ProcedureCases.OpenObjectionsAsync(db, procedure.Id, cancellationToken);
        var rule = procedure.DecideAtCounty(command.Decision!.Value, today, command.Opinion.Trim(), currentUser.UserName ?? "", open);
        if (!rule.Succeeded) return CommandResult.Fail(rule.Refusal!);

        if (procedure.Stage == ProcedureStage.Approved)
        {
            var household = await db.Households.Include(h => h.Members).FirstOrDefaultAsync(h => h.Id == procedure.HouseholdId, cancellationToken);
            if (household is null) return CommandResult.Fail("该户不存在，或不在您的管辖范围内");
            if (procedure.Kind == ProcedureKind.RiskElimination)
            {
                var rules = await ProcedureCases.RulesAsync(db, household.CountyId, cancellationToken);
                if (await SaveProcedureCase.RiskEliminationAsync(db, household, rules, today, cancellationToken) is { Succeeded: false } notYet)
                    return CommandResult.Fail(notYet.Refusal!);
            }
            if (procedure.CheckProposal(household) is { Succeeded: false } misfit) return CommandResult.Fail(misfit.Refusal!);
            if (procedure.ApplyTo(household) is { Succeeded: false } stale) return CommandResult.Fail(stale.Refusal!);
        }
        var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
        if (saved.Succeeded) await ProcedureCases.AuditAsync(auditLog, currentUser, procedure, $"县级审批：{command.Decision.Value.Label()}", cancellationToken);
        return saved;
    }
}
