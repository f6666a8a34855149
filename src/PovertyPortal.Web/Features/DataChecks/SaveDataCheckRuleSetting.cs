using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// A county's choice for one rule: off with a reason (停用), and whether its new findings go to the ledger by
/// themselves, with the responsible person and the days to fix. County supervisors and administrators, for a county in
/// their scope. Audited.
/// </summary>
public sealed class SaveDataCheckRuleSetting(IDbContextFactory<PortalDbContext> dbFactory, DataCheckRules rules, CurrentUser currentUser, AuditLog auditLog)
{
    public sealed class Command
    {
        public int CountyId { get; set; }
        public string RuleCode { get; set; } = "";
        public bool IsDisabled { get; set; }
        public string? DisabledReason { get; set; }
        public bool SendsToLedger { get; set; }
        public string? LedgerResponsiblePerson { get; set; }
        public int LedgerDeadlineDays { get; set; } = DataCheckRuleSetting.DefaultDeadlineDays;

        public static Command From(int countyId, string code, DataCheckRuleSetting? s) => new()
        {
            CountyId = countyId, RuleCode = code, IsDisabled = s?.IsDisabled ?? false, DisabledReason = s?.DisabledReason,
            SendsToLedger = s?.SendsToLedger ?? false, LedgerResponsiblePerson = s?.LedgerResponsiblePerson,
            LedgerDeadlineDays = s?.LedgerDeadlineDays ?? DataCheckRuleSetting.DefaultDeadlineDays,
        };
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.DisabledReason).Must((c, r) => !c.IsDisabled || !string.IsNullOrWhiteSpace(r)).WithMessage("停用规则须填写理由")
                .MaximumLength(500).WithMessage("理由不能超过500个字");
            RuleFor(c => c.LedgerResponsiblePerson).Must((c, p) => !c.SendsToLedger || !string.IsNullOrWhiteSpace(p))
                .WithMessage("自动转入台账须填写整改责任人").MaximumLength(50).WithMessage("责任人不能超过50个字");
            RuleFor(c => c.LedgerDeadlineDays).InclusiveBetween(1, 365).WithMessage("整改期限应为1至365天");
            RuleFor(c => c.SendsToLedger).Must((c, send) => !(send && c.IsDisabled)).WithMessage("已停用的规则不能自动转入台账");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanManageDataCheckRules(currentUser.Role)) return CommandResult.Fail("只有县级督导可以设置比对规则");
        if (rules.Find(command.RuleCode) is null) return CommandResult.Fail("比对规则不存在");
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        return await SaveGuard.RunAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Counties.AnyAsync(c => c.Id == command.CountyId, cancellationToken)) return CommandResult.Fail("所选县不在您的管辖范围内");
            var setting = await db.DataCheckRuleSettings.FirstOrDefaultAsync(s => s.CountyId == command.CountyId && s.RuleCode == command.RuleCode, cancellationToken);
            if (setting is null) db.DataCheckRuleSettings.Add(setting = new DataCheckRuleSetting { CountyId = command.CountyId, RuleCode = command.RuleCode });
            setting.IsDisabled = command.IsDisabled;
            setting.DisabledReason = command.IsDisabled ? command.DisabledReason!.Trim() : null;
            setting.SendsToLedger = command.SendsToLedger;
            setting.LedgerResponsiblePerson = command.SendsToLedger ? command.LedgerResponsiblePerson!.Trim() : null;
            setting.LedgerDeadlineDays = command.LedgerDeadlineDays;
            await db.SaveChangesAsync(cancellationToken);
            var said = command.IsDisabled ? $"停用：{setting.DisabledReason}" : command.SendsToLedger ? $"启用，自动转入台账（{setting.LedgerResponsiblePerson}，{setting.LedgerDeadlineDays}天）" : "启用";
            await auditLog.WriteAsync(currentUser.UserName, AuditActions.DataCheckRuleChanged, "DataCheckRule", command.RuleCode, said, cancellationToken);
            return CommandResult.Success;
        });
    }
}
