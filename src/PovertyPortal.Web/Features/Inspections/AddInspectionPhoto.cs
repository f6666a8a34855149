using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// A photo of an item at a place (检查照片), kept in the attachment store like every other file (decision 0007) and
/// owned by the item's answer. For a photo item the photo is the answer: its answer row is made with the first photo.
/// Any other item's answer is saved first, so that a photo never stands for a result nobody chose.
/// </summary>
public sealed class AddInspectionPhoto(InspectionAccess access, CurrentUser currentUser, AuditLog auditLog, PortalPaths paths, TimeProvider clock)
{
    public async Task<CommandResult> ToAnswerAsync(int pairId, int itemId, InspectionPlace place, string? fileName, Stream content,
        CancellationToken cancellationToken = default) => await SaveGuard.RunAsync(async () =>
    {
        if (await access.OpenAsync(pairId, cancellationToken) is not var (pair, db)) return CommandResult.Fail(InspectionWork.NotInGroup);
        await using var _ = db;
        if (pair.RoundStatus != InspectionRoundStatus.Issued) return CommandResult.Fail(InspectionWork.NotOpen);
        var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == itemId && i.InspectionRoundId == pair.RoundId, cancellationToken);
        if (item is null) return CommandResult.Fail("该检查项目不存在");
        var resolved = await InspectionWork.ResolveAsync(db, pair, place, cancellationToken);
        if (resolved.Refusal is not null) return CommandResult.Fail(resolved.Refusal);
        if (resolved.Place.Per != item.Per) return CommandResult.Fail($"该项目{item.Per.Label()}检查");
        var answer = await InspectionWork.FindAnswerAsync(db, item.Id, resolved.Place, cancellationToken);
        if (answer is null && item.AnswerType != AnswerType.Photo) return CommandResult.Fail("File", "请先保存本项检查结果，再上传照片");
        answer ??= new InspectionAnswer
        {
            InspectionRoundId = pair.RoundId, InspectionPairId = pair.PairId, ChecklistItemId = item.Id, CountyId = pair.CountyId,
            TownshipId = pair.InspectedTownshipId, VillageId = resolved.Place.VillageId, HouseholdId = resolved.Place.HouseholdId,
        };
        string? stored = null;
        try
        {
            await db.Database.InTransactionAsync(async token =>
            {
                if (answer.Id == 0)
                {
                    db.InspectionAnswers.Add(answer);
                    await db.SaveChangesAsync(token);
                }
                var (result, attachment, path) = await UploadAttachment.StoreAsync(db, paths,
                    new UploadAttachment.Place(answer.CountyId, answer.TownshipId, answer.VillageId), AttachmentOwner.InspectionAnswer,
                    answer.Id, fileName, content, token);
                // A refused file leaves nothing: the answer row made for it goes with the transaction.
                if (attachment is null) throw new RefusedUpload(result);
                stored = path;
                if (item.AnswerType == AnswerType.Photo) await InspectionWork.MarkVisitAsync(db, resolved.Sampled, item, answer, clock, token);
                await db.SaveChangesAsync(token);
            }, cancellationToken);
        }
        catch (RefusedUpload refused)
        {
            return refused.Outcome;
        }
        catch
        {
            // No file without its row.
            if (stored is not null) File.Delete(stored);
            throw;
        }
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.InspectionPhotoAdded, AuditOutcome.Success,
            $"{item.Number} {InspectionWork.Describe(resolved.Place)}", nameof(InspectionAnswer),
            answer.Id.ToString(CultureInfo.InvariantCulture), cancellationToken: cancellationToken);
        return CommandResult.Success;
    });

    private sealed class RefusedUpload(CommandResult outcome) : Exception
    {
        public CommandResult Outcome { get; } = outcome;
    }
}
