using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>
/// 公示: one village's notice of the cases chosen from those that passed their review, numbered as the village's next
/// batch of the year, for at least the county's notice days. All cases are listed or none (one transaction).
/// </summary>
public sealed class PostPublicNotice(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser, AuditLog auditLog, TimeProvider clock)
{
    public sealed class Command
    {
        public int VillageId { get; set; }
        public List<int> CaseIds { get; set; } = [];
        public DateTime? StartsOn { get; set; }
        public DateTime? EndsOn { get; set; }
        public string Contact { get; set; } = "";
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator(TimeProvider clock)
        {
            var today = PortalYears.Today(clock);
            RuleFor(c => c.CaseIds).NotEmpty().WithMessage("请至少选择一户列入公示");
            RuleFor(c => c.StartsOn).Cascade(CascadeMode.Stop).NotNull().WithMessage("请填写公示开始日期")
                .Must(d => DateOnly.FromDateTime(d!.Value) >= today.AddDays(-30)).WithMessage("公示开始日期不能早于30天前")
                .Must(d => DateOnly.FromDateTime(d!.Value) <= today.AddDays(30)).WithMessage("公示开始日期不能晚于30天后");
            RuleFor(c => c.EndsOn).NotNull().WithMessage("请填写公示结束日期");
            RuleFor(c => c.Contact).Cascade(CascadeMode.Stop).Must(t => !string.IsNullOrWhiteSpace(t))
                .WithMessage("请填写受理异议的单位和联系电话（印在公示上）")
                .MaximumLength(200).WithMessage("受理异议的单位和电话不能超过200个字");
        }
    }

    public async Task<CommandResult<int>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator(clock).ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);
        if (!PortalRoles.CanProposeProcedures(currentUser.Role)) return new(CommandResult.Fail("公示由驻村工作队或乡镇干部张贴和登记"), 0);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var village = await db.Villages.FirstOrDefaultAsync(v => v.Id == command.VillageId, cancellationToken);
        if (village is null) return new(CommandResult.Fail("该村不在您的管辖范围内"), 0);
        var rules = await ProcedureCases.RulesAsync(db, village.CountyId, cancellationToken);
        var (startsOn, endsOn) = (ProcedureCases.Day(command.StartsOn)!.Value, ProcedureCases.Day(command.EndsOn)!.Value);
        if (PublicNotice.CheckPeriod(startsOn, endsOn, rules.NoticeDays) is { Succeeded: false } period)
            return new(CommandResult.Fail(nameof(Command.EndsOn), period.Refusal!), 0);

        var ids = command.CaseIds.Distinct().ToList();
        var cases = await db.ProcedureCases.Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        if (cases.Count != ids.Count) return new(CommandResult.Fail(ProcedureCases.NotFound), 0);
        var batch = await db.PublicNotices.Where(n => n.VillageId == village.Id && n.Year == startsOn.Year)
            .Select(n => (int?)n.Batch).MaxAsync(cancellationToken) ?? 0;
        var notice = new PublicNotice
        {
            CountyId = village.CountyId, TownshipId = village.TownshipId, VillageId = village.Id, Year = startsOn.Year, Batch = batch + 1,
            StartsOn = startsOn, EndsOn = endsOn, Contact = command.Contact.Trim(), PostedBy = currentUser.UserName ?? "",
        };
        foreach (var procedure in cases)
        {
            if (procedure.PublishOn(notice) is { Succeeded: false } refused) return new(CommandResult.Fail($"第{procedure.Id}号程序：{refused.Refusal}"), 0);
        }
        db.PublicNotices.Add(notice);
        try
        {
            // One save: the notice is inserted first and its key given to the cases through their navigation.
            var saved = await ProcedureCases.SaveAsync(db, cancellationToken);
            if (!saved.Succeeded) return new(saved, 0);
        }
        catch (DbUpdateException)
        {
            return new(CommandResult.Fail("同一时间有人登记了本村的另一批公示，请刷新后重试"), 0);
        }
        await auditLog.WriteAsync(currentUser.UserName, AuditActions.ProcedureCaseChanged, AuditOutcome.Success, $"公示 {notice.BatchLabel}",
            nameof(PublicNotice), notice.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"列入公示的程序：{string.Join("、", cases.Select(c => c.Id))}；公示期{startsOn:yyyy-MM-dd}至{endsOn:yyyy-MM-dd}", cancellationToken);
        return new(CommandResult.Success, notice.Id);
    }
}
