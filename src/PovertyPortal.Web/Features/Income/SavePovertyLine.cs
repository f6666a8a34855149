using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Income;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Income;

/// <summary>Sets the poverty line (and monitoring line, near-line multiple) of a year and province; system administrators only.</summary>
public sealed class SavePovertyLine(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        public int? Year { get; set; }
        public string Province { get; set; } = PovertyLine.Nationwide;
        public decimal? Amount { get; set; }
        public decimal? MonitoringAmount { get; set; }
        public decimal? NearLineMultiple { get; set; } = 1.5m;

        public static Command From(PovertyLine l) => new()
        {
            Year = l.Year, Province = l.Province, Amount = l.Amount, MonitoringAmount = l.MonitoringAmount, NearLineMultiple = l.NearLineMultiple,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Year).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写年度")
                .InclusiveBetween(2010, 2100).WithMessage("年度应在2010至2100年之间");
            RuleFor(c => c.Province).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写省份（全国标准填“全国”）")
                .MaximumLength(20).WithMessage("省份不能超过20个字");
            RuleFor(c => c.Amount).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写贫困线")
                .GreaterThan(0).WithMessage("贫困线应大于0")
                .LessThan(1_000_000).WithMessage("贫困线数额过大，请核对（单位：元/人·年）");
            RuleFor(c => c.MonitoringAmount).GreaterThanOrEqualTo(c => c.Amount).WithMessage("监测收入线不应低于贫困线")
                .When(c => c.MonitoringAmount is not null && c.Amount is not null);
            RuleFor(c => c.NearLineMultiple).Cascade(CascadeMode.Stop)
                .NotNull().WithMessage("请填写“接近贫困线”的倍数")
                .InclusiveBetween(1m, 5m).WithMessage("倍数应在1至5之间");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.Province = command.Province.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanMaintainStandards(currentUser.Role)) return CommandResult.Fail("只有系统管理员可以修改贫困线");

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var line = await db.PovertyLines.FirstOrDefaultAsync(l => l.Year == command.Year && l.Province == command.Province, cancellationToken);
        if (line is null)
        {
            line = new PovertyLine { Year = command.Year!.Value, Province = command.Province };
            db.PovertyLines.Add(line);
        }
        (line.Amount, line.MonitoringAmount, line.NearLineMultiple) = (command.Amount!.Value, command.MonitoringAmount, command.NearLineMultiple!.Value);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Success;
    }

    public async Task<IReadOnlyList<PovertyLine>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PovertyLines.AsNoTracking().OrderByDescending(l => l.Year).ThenBy(l => l.Province).ToListAsync(cancellationToken);
    }
}
