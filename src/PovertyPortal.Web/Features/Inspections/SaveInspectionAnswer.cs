using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// Saves one item's answer at one place, item by item as the group works. The item's rules are the domain's
/// (<see cref="InspectionAnswer.Check"/>); a 不达标 answer raises its finding, an answer changed back removes the
/// finding while it is still open (<see cref="InspectionFindings.Reconcile"/>). A household whose items are all
/// answered counts as done. Written in the pair's sample scope: a household outside the sample, a village of another
/// township or a round not issued is refused and nothing is written.
/// </summary>
public sealed class SaveInspectionAnswer(InspectionAccess access, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int PairId { get; set; }
        public int ItemId { get; set; }
        public int? VillageId { get; set; }
        public int? HouseholdId { get; set; }
        public Compliance? Compliance { get; set; }
        public decimal? Number { get; set; }
        public string? Text { get; set; }
        public string? Note { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Text).MaximumLength(2000).WithMessage("检查情况不能超过2000个字");
            RuleFor(c => c.Note).MaximumLength(2000).WithMessage("说明不能超过2000个字");
            RuleFor(c => c.Number).InclusiveBetween(0, 999_999_999_999m).When(c => c.Number is not null).WithMessage("数值应在0至9999亿之间");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        return await SaveGuard.RunAsync(async () =>
        {
            if (await access.OpenAsync(command.PairId, cancellationToken) is not var (pair, db)) return CommandResult.Fail(InspectionWork.NotInGroup);
            await using var _ = db;
            if (pair.RoundStatus != InspectionRoundStatus.Issued) return CommandResult.Fail(InspectionWork.NotOpen);
            var item = await db.ChecklistItems.FirstOrDefaultAsync(i => i.Id == command.ItemId && i.InspectionRoundId == pair.RoundId, cancellationToken);
            if (item is null) return CommandResult.Fail("该检查项目不存在");
            var place = await InspectionWork.ResolveAsync(db, pair, new InspectionPlace(command.VillageId, command.HouseholdId), cancellationToken);
            if (place.Refusal is not null) return CommandResult.Fail(place.Refusal);
            if (place.Place.Per != item.Per) return CommandResult.Fail($"该项目{item.Per.Label()}检查");

            var answer = await InspectionWork.FindAnswerAsync(db, item.Id, place.Place, cancellationToken)
                ?? new InspectionAnswer
                {
                    InspectionRoundId = pair.RoundId, InspectionPairId = pair.PairId, ChecklistItemId = item.Id, CountyId = pair.CountyId,
                    TownshipId = pair.InspectedTownshipId, VillageId = place.Place.VillageId, HouseholdId = place.Place.HouseholdId,
                };
            // Only the value the item's type asks for is kept: a number typed before the type was known would mislead.
            answer.Compliance = item.AnswerType == AnswerType.Compliance ? command.Compliance : null;
            answer.Number = item.AnswerType == AnswerType.Number ? command.Number : null;
            answer.Text = item.AnswerType == AnswerType.Text ? command.Text?.Trim() : null;
            answer.Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
            var photos = answer.Id == 0 ? 0 : await InspectionWork.PhotoCountAsync(db, answer.Id, cancellationToken);
            if (answer.Check(item, photos) is { Succeeded: false } refused) return CommandResult.Fail(refused.Refusal!);
            var finding = answer.Id == 0 ? null
                : await db.InspectionFindings.FirstOrDefaultAsync(f => f.InspectionAnswerId == answer.Id, cancellationToken);
            var reconciliation = InspectionFindings.Reconcile(answer, item, finding);
            if (reconciliation.Refusal is not null) return CommandResult.Fail(reconciliation.Refusal);

            await db.Database.InTransactionAsync(async token =>
            {
                if (answer.Id == 0)
                {
                    db.InspectionAnswers.Add(answer);
                    // The finding refers to the answer by id.
                    await db.SaveChangesAsync(token);
                }
                if (reconciliation.ToAdd is { } added)
                {
                    added.InspectionAnswerId = answer.Id;
                    db.InspectionFindings.Add(added);
                }
                if (reconciliation.ToRemove is { } removed) db.InspectionFindings.Remove(removed);
                await InspectionWork.MarkVisitAsync(db, place.Sampled, item, answer, clock, token);
                await db.SaveChangesAsync(token);
            }, cancellationToken);

            var value = item.AnswerType switch
            {
                AnswerType.Compliance => answer.Compliance?.Label(),
                AnswerType.Number => answer.Number?.ToString(CultureInfo.InvariantCulture),
                AnswerType.Photo => "照片",
                _ => "文字",
            };
            // The note and text may name people: the entry says which item at which place, not what was written.
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.InspectionAnswerSaved, AuditOutcome.Success,
                $"{item.Number} {InspectionWork.Describe(place.Place)}", nameof(InspectionAnswer),
                answer.Id.ToString(CultureInfo.InvariantCulture), value, cancellationToken);
            return CommandResult.Success;
        });
    }
}
