using FluentValidation;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Reconciliation;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Reconciliation;

/// <summary>
/// Saves a source's column mapping for the county, so that the next upload of the same source proposes it. A built-in
/// kind is saved under its label; 其他名单 under the name the user gives it.
/// </summary>
public sealed class SaveReconciliationSource(IDbContextFactory<PortalDbContext> dbFactory, CurrentUser currentUser)
{
    public sealed class Command
    {
        public ReconciliationSourceKind Kind { get; set; }
        public string? Name { get; set; }
        public Dictionary<ReconciliationField, string> Mapping { get; set; } = [];

        public string SourceName => Kind == ReconciliationSourceKind.Other ? (Name ?? "").Trim() : Kind.Label();
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).Cascade(CascadeMode.Stop)
                .Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写名单名称，如“住建危房改造名单”")
                .MaximumLength(50).WithMessage("名单名称不能超过50个字")
                .When(c => c.Kind == ReconciliationSourceKind.Other);
            RuleFor(c => c.Mapping).Must(m => ReconciliationFields.Required.All(f => m.TryGetValue(f, out var h) && !string.IsNullOrWhiteSpace(h)))
                .WithMessage(c => $"请指定这些列：{string.Join("、", ReconciliationFields.Required.Where(f => !c.Mapping.TryGetValue(f, out var h) || string.IsNullOrWhiteSpace(h)).Select(f => f.Label()))}");
            RuleFor(c => c.Mapping).Must(m => m.Values.Where(h => !string.IsNullOrWhiteSpace(h)).GroupBy(h => h.Trim()).All(g => g.Count() == 1))
                .WithMessage("同一列不能对应两个字段");
        }
    }

    public async Task<CommandResult> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return CommandResult.From(validation);
        if (!PortalRoles.CanReconcile(currentUser.Role) || currentUser.Scope.CountyId is not int countyId)
        {
            return CommandResult.Fail("您的角色不能进行账账相符比对");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var name = command.SourceName;
        var source = await db.ReconciliationSources.FirstOrDefaultAsync(s => s.CountyId == countyId && s.Kind == command.Kind && s.Name == name, cancellationToken);
        if (source is null)
        {
            source = new ReconciliationSource { CountyId = countyId, Kind = command.Kind, Name = name };
            db.ReconciliationSources.Add(source);
        }
        source.WriteMapping(command.Mapping.Where(p => ReconciliationFields.Mappable(command.Kind).Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two officials saved the same new source at once: the other's mapping stands, this one is asked again.
            return CommandResult.Fail("该名单的列对应关系刚被他人保存，请重新上传文件后再保存");
        }
        return CommandResult.Success;
    }
}
