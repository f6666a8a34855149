using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// Adds a member to a household or changes one. The ID number is checked by every rule of GB 11643 and against the
/// member's birth date and gender; a household has exactly one head; an ID belongs to one living member in a county.
/// </summary>
public sealed class SaveMember(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, TimeProvider clock)
{
    /// <summary>The form's fields (<see cref="MemberEntry"/>) and what only a save from the form carries.</summary>
    public sealed class Command : MemberEntry
    {
        public int? Id { get; set; }
        public int HouseholdId { get; set; }
        public Guid Version { get; set; }
        public DateTimeOffset LoadedAt { get; set; }

        /// <summary>A form for an existing member; the ID number stays out of it.</summary>
        public static Command From(Member m, DateTimeOffset loadedAt) => new()
        {
            Id = m.Id, HouseholdId = m.HouseholdId, Name = m.Name, Relationship = m.Relationship, Gender = m.Gender,
            BirthDate = m.BirthDate.ToDateTime(TimeOnly.MinValue), Ethnicity = m.Ethnicity, EducationLevel = m.EducationLevel,
            SchoolingStatus = m.SchoolingStatus, Health = m.Health, DisabilityGrade = m.DisabilityGrade,
            LabourAbility = m.LabourAbility, MigrantWorkPlace = m.MigrantWorkPlace, MigrantWorkMonths = m.MigrantWorkMonths,
            HasBasicMedicalInsurance = m.HasBasicMedicalInsurance, HasSeriousIllnessInsurance = m.HasSeriousIllnessInsurance,
            HasPensionInsurance = m.HasPensionInsurance, IsDeceased = m.IsDeceased,
            DeceasedOn = m.DeceasedOn?.ToDateTime(TimeOnly.MinValue), Version = m.Version, LoadedAt = loadedAt,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var tomorrow = PortalYears.EndOfToday(clock);
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写姓名")
                .Length(2, 20).WithMessage("姓名应为2至20个字");
            RuleFor(c => c.ResidentId).NotEmpty().WithMessage("请填写公民身份号码").When(c => c.Id is null);
            RuleFor(c => c.ResidentId).Custom((value, context) =>
            {
                if (Domain.Households.ResidentId.Validate(value, out _) is { } error) context.AddFailure(error);
            }).When(c => !string.IsNullOrWhiteSpace(c.ResidentId));
            RuleFor(c => c.Relationship).NotNull().WithMessage("请选择与户主关系");
            RuleFor(c => c.Gender).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请选择性别")
                .Must((c, gender) => IdOf(c) is not { } id || id.Gender == gender)
                .WithMessage(c => $"性别与公民身份号码第17位不一致：按号码应为“{IdOf(c)!.Value.Gender.Label()}”");
            RuleFor(c => c.BirthDate).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写出生日期")
                .LessThan(tomorrow).WithMessage("出生日期不能晚于今天")
                .Must((c, birth) => IdOf(c) is not { } id || DateOnly.FromDateTime(birth!.Value) == id.BirthDate)
                // Not quoting the ID's date: beside a masked ID in an import's error list it would give back the hidden digits.
                .WithMessage("出生日期与公民身份号码第7至14位的出生日期不一致");
            RuleFor(c => c.Ethnicity).NotEmpty().WithMessage("请填写民族").MaximumLength(20).WithMessage("民族不能超过20个字");
            // The national system's 花名册 has no grade column: a disabled member whose grade is not known yet is
            // stored with none, rather than refused or given an invented grade.
            RuleFor(c => c.DisabilityGrade).InclusiveBetween(1, 4).WithMessage("残疾等级应为1至4级")
                .When(c => c.Health == HealthStatus.Disabled && c.DisabilityGrade is not null);
            RuleFor(c => c.DisabilityGrade).Null().WithMessage("健康状况不是残疾时不应填写残疾等级")
                .When(c => c.Health != HealthStatus.Disabled);
            RuleFor(c => c.MigrantWorkMonths).InclusiveBetween(0, 12).WithMessage("务工时间应为0至12个月")
                .When(c => c.MigrantWorkMonths is not null);
            RuleFor(c => c.MigrantWorkPlace).MaximumLength(100).WithMessage("务工地点不能超过100个字");
            RuleFor(c => c.DeceasedOn).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写死亡日期")
                .LessThan(tomorrow).WithMessage("死亡日期不能晚于今天")
                .GreaterThanOrEqualTo(c => c.BirthDate).WithMessage("死亡日期不能早于出生日期")
                .When(c => c.IsDeceased);
        }

        private static ResidentId? IdOf(Command c) =>
            Domain.Households.ResidentId.TryParse(c.ResidentId, out var id, out _) ? id : null;
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Normalize();
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanEditRegister(currentUser.Role)) return new(CommandResult.Fail("您的角色不能修改贫困户信息"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var household = await db.Households.FirstOrDefaultAsync(h => h.Id == command.HouseholdId, cancellationToken);
        if (household is null) return new(CommandResult.Fail("该户不存在，或不在您的管辖范围内"), 0);

        Member member;
        if (command.Id is int id)
        {
            var found = await db.Members.FirstOrDefaultAsync(m => m.Id == id && m.HouseholdId == household.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该成员不存在，或不在您的管辖范围内"), 0);
            member = found;
            db.Entry(member).Property(m => m.Version).OriginalValue = command.Version;
            // On an edit without a new number, the stored one must still agree with the birth date and gender.
            if (command.ResidentId is null)
            {
                command.ResidentId = member.ResidentId;
                var recheck = await new Validator(clock).ValidateAsync(command, cancellationToken);
                if (!recheck.IsValid) return new(CommandResult.From(recheck), 0);
            }
        }
        else
        {
            member = new Member { Name = command.Name, ResidentId = command.ResidentId! };
            db.Members.Add(member);
        }

        if (await HeadProblemAsync(db, command, household.Id, cancellationToken) is { } headProblem)
        {
            return new(CommandResult.Fail(nameof(Command.Relationship), headProblem), 0);
        }

        // One ID, one living person in the county: also across townships the user cannot see.
        if (!command.IsDeceased)
        {
            var other = await db.Members.IgnoreQueryFilters()
                .Where(m => m.CountyId == household.CountyId && m.ResidentId == command.ResidentId && !m.IsDeceased && m.Id != (command.Id ?? 0))
                .Select(m => new { m.Id, m.Household!.HouseholdNumber }).FirstOrDefaultAsync(cancellationToken);
            if (other is not null)
            {
                // The household is named only when the user may see it anyway (the scope filter answers that).
                var visible = await db.Members.AnyAsync(m => m.Id == other.Id, cancellationToken);
                return new(CommandResult.Fail(nameof(Command.ResidentId), visible
                    ? $"该公民身份号码已登记在户编号为“{other.HouseholdNumber}”的家庭中，同一人不能重复登记"
                    : ElsewhereInCounty.ResidentId), 0);
            }
        }

        command.ApplyTo(member, household);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            return new(await EditConflict.DescribeAsync(fresh, nameof(Member), command.Id!.Value, command.LoadedAt, "该成员", cancellationToken), 0);
        }
        return new(CommandResult.Success, member.Id);
    }

    /// <summary>Exactly one living head per household: the first member is the head, and a second head is refused.</summary>
    private static async Task<string?> HeadProblemAsync(PortalDbContext db, Command command, int householdId, CancellationToken cancellationToken)
    {
        var otherLiving = db.Members.Where(m => m.HouseholdId == householdId && !m.IsDeceased && m.Id != (command.Id ?? 0));
        var otherHead = await otherLiving.Where(m => m.Relationship == Relationship.Head).Select(m => m.Name).FirstOrDefaultAsync(cancellationToken);
        var isHead = command.Relationship == Relationship.Head && !command.IsDeceased;
        if (isHead && otherHead is not null)
        {
            return $"该户已有户主（{otherHead}），一户只能有一名户主；如需更换，请先把原户主改为其他关系";
        }
        if (!isHead && otherHead is null)
        {
            return await otherLiving.AnyAsync(cancellationToken)
                ? "一户必须有一名户主：请先把另一名成员设为户主"
                : "请先登记户主：一户的第一名成员应为户主";
        }
        return null;
    }
}
