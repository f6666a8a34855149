using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Rectification;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// What the group does with a finding: 立行立改 (fixed while it was there, with what was done and maybe a photo), or
/// 转入整改台账 (a problem of the ledger from cross-inspection, with the responsible unit and person and a deadline;
/// the county links it to an account in the ledger). The domain decides (<see cref="InspectionFinding"/>); a refusal
/// is its Chinese sentence and nothing is written.
/// </summary>
public sealed class ActOnFinding(InspectionAccess access, CurrentUser currentUser, AuditLog auditLog, PortalPaths paths, TimeProvider clock)
{
    public sealed class LedgerCommand
    {
        public int PairId { get; set; }
        public int FindingId { get; set; }
        public string? ResponsibleUnit { get; set; }
        public string? ResponsiblePerson { get; set; }
        public DateTime? Deadline { get; set; }
    }

    public sealed class LedgerValidator : AbstractValidator<LedgerCommand>
    {
        public LedgerValidator()
        {
            RuleFor(c => c.ResponsibleUnit).ResponsibleUnitRules();
            RuleFor(c => c.ResponsiblePerson).ResponsiblePersonRules();
            RuleFor(c => c.Deadline).NotNull().WithMessage("请选择整改时限");
        }
    }

    public async Task<CommandResult> FixOnTheSpotAsync(int pairId, int findingId, string? evidence, string? photoName, Stream? photo,
        CancellationToken cancellationToken = default)
    {
        if (evidence?.Length > 2000) return CommandResult.Fail("Evidence", "整改情况不能超过2000个字");
        return await SaveGuard.RunAsync(async () =>
        {
            if (await access.OpenAsync(pairId, cancellationToken) is not var (pair, db)) return CommandResult.Fail(InspectionWork.NotInGroup);
            await using var _ = db;
            if (pair.RoundStatus != InspectionRoundStatus.Issued) return CommandResult.Fail(InspectionWork.NotOpen);
            var finding = await db.InspectionFindings.FirstOrDefaultAsync(f => f.Id == findingId, cancellationToken);
            if (finding is null) return CommandResult.Fail(NotFound);
            if (finding.FixOnTheSpot(evidence, PortalYears.Today(clock)) is { Succeeded: false } refused) return CommandResult.Fail("Evidence", refused.Refusal!);
            string? stored = null;
            try
            {
                if (photo is not null)
                {
                    var (result, attachment, path) = await UploadAttachment.StoreAsync(db, paths,
                        new UploadAttachment.Place(finding.CountyId, finding.TownshipId, finding.VillageId), AttachmentOwner.InspectionFinding,
                        finding.Id, photoName, photo, cancellationToken);
                    if (attachment is null) return result;
                    stored = path;
                }
                await db.SaveChangesAsync(cancellationToken);
            }
            catch
            {
                if (stored is not null) File.Delete(stored);
                throw;
            }
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.InspectionFindingFixed, AuditOutcome.Success,
                $"检查发现问题 {finding.Id}", nameof(InspectionFinding), finding.Id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
            return CommandResult.Success;
        });
    }

    public async Task<CommandResult<int>> SendToLedgerAsync(LedgerCommand command, CancellationToken cancellationToken = default)
    {
        var validation = await new LedgerValidator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        return await SaveGuard.RunAsync(async () =>
        {
            if (await access.OpenAsync(command.PairId, cancellationToken) is not var (pair, db)) return new CommandResult<int>(CommandResult.Fail(InspectionWork.NotInGroup), 0);
            await using var _ = db;
            if (pair.RoundStatus != InspectionRoundStatus.Issued) return new(CommandResult.Fail(InspectionWork.NotOpen), 0);
            var finding = await db.InspectionFindings.FirstOrDefaultAsync(f => f.Id == command.FindingId, cancellationToken);
            if (finding is null) return new(CommandResult.Fail(NotFound), 0);
            var assignment = new ProblemAssignment(command.ResponsibleUnit, command.ResponsiblePerson, null, DateOnly.FromDateTime(command.Deadline!.Value));
            if (finding.SendToLedger(assignment, PortalYears.Today(clock), out var problem) is { Succeeded: false } refused)
            {
                return new(CommandResult.Fail(refused.Refusal!.Contains("时限") ? "Deadline" : "", refused.Refusal), 0);
            }
            db.Problems.Add(problem!);
            await db.SaveChangesAsync(cancellationToken);
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.InspectionFindingToLedger, AuditOutcome.Success,
                $"检查发现问题 {finding.Id}", nameof(Problem), problem!.Id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
            return new(CommandResult.Success, problem.Id);
        });
    }

    private const string NotFound = "该问题不存在或不属于本检查组";
}
