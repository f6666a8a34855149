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

        // Read once: a retried transaction (decision 0019) stores the file again from these bytes.
        byte[]? content = null;
        if (file is not null)
        {
            using var copy = new MemoryStream();
            await file.CopyToAsync(copy, cancellationToken);
            content = copy.ToArray();
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Problems.AnyAsync(p => p.Id == command.ProblemId, cancellationToken)) return CommandResult.Fail(ProblemCommands.NotFound);

        string? path = null;
        int? attachmentId = null;
        try
        {
            await db.Database.InTransactionAsync(async token =>
            {
                // A retry starts again from what the database holds, without the file a failed attempt stored.
                db.ChangeTracker.Clear();
                DeleteFile(path);
                (path, attachmentId) = (null, null);
                var problem = await db.Problems.Include(p => p.Evidence).FirstAsync(p => p.Id == command.ProblemId, token);
                if (content is not null)
                {
                    var place = new UploadAttachment.Place(problem.CountyId, problem.TownshipId, problem.VillageId);
                    var (stored, attachment, storedPath) = await UploadAttachment.StoreAsync(db, paths, place, AttachmentOwner.Problem, problem.Id,
                        fileName, new MemoryStream(content), token);
                    if (attachment is null) throw new Refused(stored);
                    path = storedPath;
                    // The evidence names the file by its id, which the database gives: the file's row is saved first, in the same transaction.
                    await db.SaveChangesAsync(token);
                    attachmentId = attachment.Id;
                }
                var added = problem.AddEvidence(ProblemCommands.Actor(currentUser), command.Text, attachmentId, clock);
                if (!added.Succeeded) throw new Refused(CommandResult.Fail(added.Refusal!));
                await db.SaveChangesAsync(token);
            }, cancellationToken);
        }
        catch (Refused refused)
        {
            // Thrown, not returned, so that the transaction rolls back the file's row as well.
            DeleteFile(path);
            return refused.Result;
        }
        catch
        {
            DeleteFile(path);
            throw;
        }
        var id = command.ProblemId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProblemEvidenceAdded, AuditOutcome.Success, $"整改问题 {id}",
            nameof(Problem), id, attachmentId is int a ? $"附件 {a}" : "文字说明", cancellationToken);
        return CommandResult.Success;
    }

#pragma warning disable CA1032, CA1064 // Never leaves this class.
    private sealed class Refused(CommandResult result) : Exception
    {
        public CommandResult Result { get; } = result;
    }
#pragma warning restore CA1032, CA1064

    // No file without its row: the folder holds only what the database knows.
    private static void DeleteFile(string? path)
    {
        if (path is not null) File.Delete(path);
    }
}
