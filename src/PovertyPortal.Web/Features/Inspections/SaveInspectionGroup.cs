using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Inspections;

/// <summary>
/// The group of one pair: leader, deputies and members, each a county user or a named outsider (name, unit, phone).
/// The group rules (<see cref="InspectionGroups.Validate"/>) are checked over the whole round, since nobody may be in two groups.
/// </summary>
public sealed class SaveInspectionGroup(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Person
    {
        /// <summary>The saved member's id; null for one added in the dialog.</summary>
        public int? Id { get; set; }
        public GroupRole Role { get; set; } = GroupRole.Member;

        /// <summary>A county user's account; null for an outsider.</summary>
        public string? UserId { get; set; }
        public string Name { get; set; } = "";
        public string? Unit { get; set; }

        /// <summary>
        /// A phone typed in the dialog. Saved phones are never sent to the page (they are personal data): left empty,
        /// a saved member keeps the phone it has.
        /// </summary>
        public string? Phone { get; set; }

        /// <summary>The saved phone, masked, shown beside the empty field.</summary>
        public string? MaskedPhone { get; set; }
    }

    public sealed class Command
    {
        public int PairId { get; set; }
        public List<Person> People { get; set; } = [];
    }

    public sealed class PersonValidator : AbstractValidator<Person>
    {
        public PersonValidator()
        {
            // An account's name is the account's own (set by the handler); an outsider's is typed.
            RuleFor(p => p.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写姓名")
                .MaximumLength(50).WithMessage("姓名不能超过50个字")
                .When(p => p.UserId is null);
            RuleFor(p => p.Unit).MaximumLength(100).WithMessage("单位及职务不能超过100个字");
            RuleFor(p => p.Phone).Matches(@"^\s*[0-9][0-9\-]{6,19}\s*$").When(p => !string.IsNullOrWhiteSpace(p.Phone))
                .WithMessage("请填写正确的联系电话");
        }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.People).Must(p => p.Count > 0).WithMessage("检查组至少应有一人");
            RuleForEach(c => c.People).SetValidator(new PersonValidator());
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.Fail(validation.Errors[0].ErrorMessage);
        if (InspectionRoundCommands.Refusal(currentUser) is { } refused) return refused;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var roundId = await db.InspectionPairs.Where(p => p.Id == command.PairId).Select(p => (int?)p.InspectionRoundId).FirstOrDefaultAsync(cancellationToken);
        var round = roundId is int id ? await InspectionRoundCommands.LoadAsync(db, id, cancellationToken) : null;
        if (round is null) return CommandResult.Fail(InspectionRoundCommands.NotFound);
        if (!round.IsEditable) return CommandResult.Fail(InspectionRoundCommands.NotEditable);
        var pair = round.Pairs.Single(p => p.Id == command.PairId);

        // Accounts: of the round's county and enabled; their name is the account's, as the plan prints it.
        var userIds = command.People.Where(p => p.UserId is not null).Select(p => p.UserId!).Distinct().ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id) && u.CountyId == round.CountyId && !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.TownshipId }).ToListAsync(cancellationToken);
        if (users.Count != userIds.Count) return CommandResult.Fail("所选账号不存在、已停用或不属于本县");

        var existing = pair.Group.ToDictionary(m => m.Id);
        var group = new List<InspectionGroupMember>();
        foreach (var person in command.People)
        {
            var member = person.Id is int memberId && existing.Remove(memberId, out var found) ? found : new InspectionGroupMember { Name = "" };
            member.Role = person.Role;
            member.UserId = person.UserId;
            member.Name = person.UserId is { } userId ? users.First(u => u.Id == userId).DisplayName : person.Name.Trim();
            member.Unit = string.IsNullOrWhiteSpace(person.Unit) ? null : person.Unit.Trim();
            if (!string.IsNullOrWhiteSpace(person.Phone)) member.Phone = person.Phone.Trim();
            group.Add(member);
        }
        var removed = existing.Values.ToList();
        pair.Group.RemoveAll(removed.Contains);
        pair.Group.AddRange(group.Where(m => m.Id == 0));

        // Over every group of the round: the accounts of the other groups are asked for their township too.
        var allUserIds = round.Pairs.SelectMany(p => p.Group).Where(m => m.UserId is not null).Select(m => m.UserId!).Distinct().ToList();
        var townshipOfUser = await db.Users.Where(u => allUserIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.TownshipId, cancellationToken);
        var townships = await InspectionRoundCommands.TownshipsAsync(db, round.CountyId, cancellationToken);
        // Groups not yet formed are left out here: their "没有组长" is for 下发 to say, not for this group's save.
        var formed = round.Pairs.Where(p => p == pair || p.Group.Count > 0).ToList();
        var errors = InspectionGroups.Validate(formed, townships, townshipOfUser);
        if (errors.Count > 0) return CommandResult.Fail(errors[0]);

        db.InspectionGroupMembers.RemoveRange(removed);
        await db.SaveChangesAsync(cancellationToken);
        var name = $"{townships.FirstOrDefault(t => t.Id == pair.InspectingTownshipId)?.Name}检查{townships.FirstOrDefault(t => t.Id == pair.InspectedTownshipId)?.Name}组";
        await InspectionRoundCommands.AuditAsync(auditLog, currentUser, AuditActions.InspectionPlanChanged, round,
            $"保存{name}（{group.Count}人）", cancellationToken);
        return CommandResult.Success;
    }
}
