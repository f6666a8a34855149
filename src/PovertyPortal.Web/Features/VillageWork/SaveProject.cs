using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.VillageWork;

/// <summary>Writes a 项目/基础设施 of a village: type, quantity with unit, investment, status and dates, beneficiaries.</summary>
public sealed class SaveProject(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        /// <summary>The version of the record the form was opened with (RecordVersion); empty for a new record.</summary>
        public Guid Version { get; set; }
        public int? Id { get; set; }
        public int VillageId { get; set; }
        public ProjectType? Type { get; set; }
        public string Name { get; set; } = "";
        public decimal? Quantity { get; set; }
        public QuantityUnit? Unit { get; set; }
        public decimal? Investment { get; set; }
        public string? FundingSource { get; set; }
        public ProjectStatus Status { get; set; } = ProjectStatus.Completed;
        public DateTime? StartDate { get; set; }
        public DateTime? CompletionDate { get; set; }
        public int? BeneficiaryHouseholds { get; set; }
        public string? Note { get; set; }

        public static Command From(VillageProject p) => new()
        {
            Id = p.Id, Version = p.Version, VillageId = p.VillageId, Type = p.Type, Name = p.Name, Quantity = p.Quantity, Unit = p.Unit,
            Investment = p.Investment, FundingSource = p.FundingSource, Status = p.Status,
            StartDate = p.StartDate?.ToDateTime(TimeOnly.MinValue), CompletionDate = p.CompletionDate?.ToDateTime(TimeOnly.MinValue),
            BeneficiaryHouseholds = p.BeneficiaryHouseholds, Note = p.Note,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Type).NotNull().WithMessage("请选择项目类型");
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop).NotEmpty().WithMessage("请填写项目名称").MaximumLength(100).WithMessage("项目名称不能超过100个字");
            RuleFor(c => c.Quantity).GreaterThan(0).WithMessage("数量应大于0").When(c => c.Quantity is not null);
            RuleFor(c => c.Unit).NotNull().WithMessage("填写数量时请选择单位").When(c => c.Quantity is not null);
            RuleFor(c => c.Quantity).NotNull().WithMessage("选择单位时请填写数量").When(c => c.Unit is not null);
            RuleFor(c => c.Investment).GreaterThanOrEqualTo(0).WithMessage("投资金额不能为负数").When(c => c.Investment is not null);
            RuleFor(c => c.FundingSource).MaximumLength(100).WithMessage("资金来源不能超过100个字");
            RuleFor(c => c.CompletionDate).NotNull().WithMessage("已完工的项目请填写完工日期").When(c => c.Status == ProjectStatus.Completed);
            RuleFor(c => c.CompletionDate).GreaterThanOrEqualTo(c => c.StartDate).WithMessage("完工日期不能早于开工日期")
                .When(c => c.CompletionDate is not null && c.StartDate is not null);
            RuleFor(c => c.BeneficiaryHouseholds).GreaterThanOrEqualTo(0).WithMessage("受益户数不能为负数").When(c => c.BeneficiaryHouseholds is not null);
            RuleFor(c => c.Note).MaximumLength(500).WithMessage("备注不能超过500个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Name = command.Name.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanRecordWork(currentUser.Role)) return new(CommandResult.Fail("您的角色不能登记项目"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不存在或不在您的管辖范围内"), 0);
        VillageProject project;
        if (command.Id is int id)
        {
            var found = await db.VillageProjects.FirstOrDefaultAsync(p => p.Id == id && p.VillageId == village.Id, cancellationToken);
            if (found is null) return new(CommandResult.Fail("该项目不存在或不在您的管辖范围内"), 0);
            project = found;
            RecordVersion.Expect(db, found, command.Version);
        }
        else
        {
            project = new VillageProject { Name = command.Name, CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id };
            db.VillageProjects.Add(project);
        }
        project.Type = command.Type!.Value;
        project.Name = command.Name;
        project.Quantity = command.Quantity;
        project.Unit = command.Unit;
        project.Investment = command.Investment;
        project.FundingSource = string.IsNullOrWhiteSpace(command.FundingSource) ? null : command.FundingSource.Trim();
        project.Status = command.Status;
        project.StartDate = command.StartDate is { } s ? DateOnly.FromDateTime(s) : null;
        project.CompletionDate = command.CompletionDate is { } c ? DateOnly.FromDateTime(c) : null;
        project.BeneficiaryHouseholds = command.BeneficiaryHouseholds;
        project.Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new(RecordVersion.Conflict("该项目"), 0);
        }
        return new(CommandResult.Success, project.Id);
    }
}
