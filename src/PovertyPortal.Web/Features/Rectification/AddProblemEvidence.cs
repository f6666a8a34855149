using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>
/// 整改佐证: a text, a photo or file, or both, added to a problem while it is being fixed. The file goes to the
/// attachment store (decision 0007) owned by the problem, with the problem's area; the file's row and the evidence
/// are written in one transaction, and the file is removed again when anything fails or the problem refuses it.
/// </summary>
public sealed class AddProblemEvidence(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog,
    PortalPaths paths, TimeProvider clock)
{
    public sealed class Command
    {
        public int ProblemId { get; set; }
        public string? Text { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Text).MaximumLength(2000).WithMessage("佐证说明不能超过2000个字");
    }

    /// <param name="fileName">The file's name as the user's device gave it; null with <paramref name="file"/> when there is no file.</param>
    public async Task<CommandResult> HandleAsync(Command command, string? fileName = null, Stream? file = null, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var problem = await db.Problems.Include(p => p.Evidence).FirstOrDefaultAsync(p => p.Id == command.ProblemId, cancellationToken);
        if (problem is null) return CommandResult.Fail(ProblemCommands.NotFound);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        string? path = null;
        int? attachmentId = null;
        try
        {
            if (file is not null)
            {
                var place = new UploadAttachment.Place(problem.CountyId, problem.TownshipId, problem.VillageId);
                var (stored, attachment, storedPath) = await UploadAttachment.StoreAsync(db, paths, place, AttachmentOwner.Problem, problem.Id,
                    fileName, file, cancellationToken);
                if (attachment is null) return stored;
                path = storedPath;
                // The evidence names the file by its id, which the database gives: the file's row is saved first, in the same transaction.
                await db.SaveChangesAsync(cancellationToken);
                attachmentId = attachment.Id;
            }
            var added = problem.AddEvidence(ProblemCommands.Actor(currentUser), command.Text, attachmentId, clock);
            if (!added.Succeeded)
            {
                DeleteFile(path);
                return CommandResult.Fail(added.Refusal!);
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            DeleteFile(path);
            throw;
        }
        var id = problem.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProblemEvidenceAdded, AuditOutcome.Success, $"整改问题 {id}",
            nameof(Problem), id, attachmentId is int a ? $"附件 {a}" : "文字说明", cancellationToken);
        return CommandResult.Success;
    }

    // No file without its row: the folder holds only what the database knows.
    private static void DeleteFile(string? path)
    {
        if (path is not null) File.Delete(path);
    }
}
