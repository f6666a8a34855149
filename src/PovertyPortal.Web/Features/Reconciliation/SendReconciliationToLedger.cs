using FluentValidation;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Rectification;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Reconciliation;

/// <summary>
/// Sends chosen differences to the problem ledger (问题整改台账), one problem each, through the ledger's own
/// <see cref="SaveProblem"/> (its rules, scope and audit), as 大数据比对 with the source and the file as reference.
/// The problem's text carries the masked ID and never a health value.
/// </summary>
public sealed class SendReconciliationToLedger(SaveProblem saveProblem, CurrentUser currentUser)
{
    public sealed class Command
    {
        public IReadOnlyList<CompareWithFile.Difference> Differences { get; set; } = [];
        public string SourceName { get; set; } = "";
        public string FileName { get; set; } = "";
        public string ResponsibleUnit { get; set; } = "";
        public string ResponsiblePerson { get; set; } = "";
        public string? ResponsibleUserId { get; set; }
        public DateTime? Deadline { get; set; }

        /// <summary>Where a person only in the file is followed up: the register cannot say, so the user does.</summary>
        public int? TownshipId { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Differences).NotEmpty().WithMessage("请先勾选要转入整改台账的差异");
            RuleFor(c => c.TownshipId).NotNull().WithMessage("“仅文件中有”的人员不在系统中，请选择由哪个乡（镇）核实")
                .When(c => c.Differences.Any(d => d.TownshipId is null));
        }
    }

    public sealed record Result(CommandResult Outcome, int Created);

    public async Task<Result> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        if (!PortalRoles.CanReconcile(currentUser.Role)) return new(CommandResult.Fail("您的角色不能进行账账相符比对"), 0);
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), 0);

        var reference = $"账账相符：{command.SourceName}·{Path.GetFileName(command.FileName)}";
        if (reference.Length > 100) reference = reference[..100];
        var created = 0;
        foreach (var d in command.Differences)
        {
            var problem = new SaveProblem.Command
            {
                Source = ProblemSource.DataComparison, SourceReference = reference, Description = Describe(d, command.SourceName),
                TownshipId = d.TownshipId ?? command.TownshipId, VillageId = d.VillageId, HouseholdId = d.HouseholdId,
                ResponsibleUnit = command.ResponsibleUnit, ResponsiblePerson = command.ResponsiblePerson,
                ResponsibleUserId = command.ResponsibleUserId, Deadline = command.Deadline,
            };
            var saved = await saveProblem.HandleAsync(problem, cancellationToken);
            if (!saved.Succeeded)
            {
                // The ledger's rules are the same for every difference: the first refusal stops the rest, with what was done.
                var done = created > 0 ? $"已转入{created}条，其余未转入：" : "";
                return new(CommandResult.Fail(done + saved.Outcome.Summary), created);
            }
            created++;
        }
        return new(CommandResult.Success, created);
    }

    public static string Describe(CompareWithFile.Difference d, string source)
    {
        var who = $"{(d.VillageName == CompareWithFile.OutsideFile ? "" : d.VillageName + " ")}{(d.HouseholdNumber is null ? "" : $"户编号{d.HouseholdNumber} ")}{d.Name}（{d.ResidentIdMasked}）";
        return d.Kind switch
        {
            DifferenceKind.OnlyInFile => $"{who}：在“{source}”中（第{d.FileRow}行），系统中未登记，请核实。",
            DifferenceKind.OnlyInPortal => $"{who}：系统中登记，“{source}”中没有，请核实。",
            DifferenceKind.Inactive => $"{who}：系统中为“{d.PortalValue}”，仍在“{source}”中（第{d.FileRow}行），请核实。",
            _ when d.Field is { } f && f.IsHealth() => $"{who}：{f.Label()}与“{source}”不一致，请核实。",
            _ => $"{who}：{d.What}系统中为“{d.PortalValue}”，“{source}”中为“{d.FileValue}”，请核实。",
        };
    }
}
