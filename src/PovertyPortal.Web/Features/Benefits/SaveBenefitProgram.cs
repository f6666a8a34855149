using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Benefits;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Benefits;

/// <summary>Adds a program to the catalog or changes one; system administrators only (the catalog is county-wide).</summary>
public sealed class SaveBenefitProgram(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        public int? Id { get; set; }
        public string Name { get; set; } = "";
        public BenefitGroup? Group { get; set; }
        public string? Unit { get; set; }
        public bool IsRetired { get; set; }

        public static Command From(BenefitProgram p) => new() { Id = p.Id, Name = p.Name, Group = p.Group, Unit = p.Unit, IsRetired = p.IsRetired };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写项目名称")
                .MaximumLength(50).WithMessage("项目名称不能超过50个字");
            RuleFor(c => c.Group).NotNull().WithMessage("请选择项目类别");
            RuleFor(c => c.Unit).MaximumLength(10).WithMessage("计量单位不能超过10个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Name = command.Name.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanMaintainStandards(currentUser.Role)) return new(CommandResult.Fail("只有系统管理员可以维护政策项目"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.BenefitPrograms.AnyAsync(p => p.Name == command.Name && p.Id != (command.Id ?? 0), cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.Name), $"已有名为“{command.Name}”的项目"), 0);
        }
        BenefitProgram program;
        if (command.Id is int id)
        {
            program = await db.BenefitPrograms.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new InvalidOperationException($"Program {id} not found");
        }
        else
        {
            var next = await db.BenefitPrograms.MaxAsync(p => (int?)p.SortOrder, cancellationToken) ?? 0;
            program = new BenefitProgram { Code = $"Custom{Guid.NewGuid():N}"[..20], Name = command.Name, SortOrder = next + 10 };
            db.BenefitPrograms.Add(program);
        }
        (program.Name, program.Group, program.Unit, program.IsRetired) =
            (command.Name, command.Group!.Value, string.IsNullOrWhiteSpace(command.Unit) ? null : command.Unit.Trim(), command.IsRetired);
        await db.SaveChangesAsync(cancellationToken);
        return new(CommandResult.Success, program.Id);
    }
}
