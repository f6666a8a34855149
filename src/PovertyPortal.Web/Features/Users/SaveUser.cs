using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Users;

/// <summary>Creates a user, or changes an existing user's name, role and scope.</summary>
public sealed partial class SaveUser(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<PortalDbContext> dbFactory,
    CurrentUser currentUser,
    AuditLog auditLog,
    TimeProvider clock)
{
    public sealed class Command
    {
        /// <summary>Null to create a user.</summary>
        public string? Id { get; set; }
        public string UserName { get; set; } = "";
        public string DisplayName { get; set; } = "";
        public string? Role { get; set; }
        public int? CountyId { get; set; }
        public int? TownshipId { get; set; }
        public int? VillageId { get; set; }

        /// <summary>Only when creating: the first password, which the user must change at first sign-in.</summary>
        public string? InitialPassword { get; set; }

        public AreaScope Scope => PortalRoles.ScopeOf(Role, CountyId, TownshipId, VillageId);
    }

    public sealed partial class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.UserName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写用户名")
                .Length(3, 32).WithMessage("用户名长度应为3至32个字符")
                .Matches(UserNamePattern()).WithMessage("用户名只能包含英文字母、数字和 . _ -，建议使用姓名拼音");
            RuleFor(c => c.DisplayName).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请填写姓名")
                .MaximumLength(50).WithMessage("姓名不能超过50个字");
            RuleFor(c => c.Role).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("请选择角色")
                .Must(r => PortalRoles.All.Contains(r!)).WithMessage("角色无效");
            RuleFor(c => c.CountyId).NotNull().WithMessage("请选择所属县（市、区）")
                .When(c => c.Role is not null && PortalRoles.ScopeLevel(c.Role) is not AreaLevel.All);
            RuleFor(c => c.TownshipId).NotNull().WithMessage("请选择所属乡（镇）")
                .When(c => c.Role is not null && PortalRoles.ScopeLevel(c.Role) is AreaLevel.Township or AreaLevel.Village);
            RuleFor(c => c.VillageId).NotNull().WithMessage("请选择所驻行政村")
                .When(c => c.Role is not null && PortalRoles.ScopeLevel(c.Role) is AreaLevel.Village);
            RuleFor(c => c.InitialPassword).Custom((password, context) =>
            {
                if (ChinesePasswordValidator.Check(password, context.InstanceToValidate.UserName) is { } error)
                {
                    context.AddFailure(nameof(Command.InitialPassword), error);
                }
            }).When(c => c.Id is null);
        }

        [GeneratedRegex("^[A-Za-z0-9._-]+$")]
        private static partial Regex UserNamePattern();
    }

    public async Task<CommandResult<string>> HandleAsync(Command command, CancellationToken cancellationToken = default)
    {
        command.UserName = command.UserName.Trim();
        command.DisplayName = command.DisplayName.Trim();
        var validation = await new Validator().ValidateAsync(command, cancellationToken);
        if (!validation.IsValid) return new(CommandResult.From(validation), null);

        var managerRole = currentUser.Role;
        if (managerRole is null || !PortalRoles.CanManageUsers(managerRole))
        {
            return new(CommandResult.Fail("您没有管理用户的权限"), null);
        }
        if (!PortalRoles.AssignableBy(managerRole).Contains(command.Role!))
        {
            return new(CommandResult.Fail(nameof(Command.Role), $"您不能授予“{PortalRoles.Label(command.Role!)}”角色"), null);
        }
        var scope = command.Scope;
        if (!currentUser.Scope.Contains(scope))
        {
            return new(CommandResult.Fail(nameof(Command.CountyId), "不能授予超出您本人管辖范围的权限"), null);
        }
        if (!await AreasAreConsistentAsync(command, cancellationToken))
        {
            return new(CommandResult.Fail(nameof(Command.VillageId), "所选县、乡镇、村不存在或不相互隶属，请重新选择"), null);
        }

        // The account, its role and its stamp are one transaction: a failure between them (a refused role, a dropped
        // connection) leaves the account as it was, not a user without a role or with a new scope and the old role.
        // The audit entries follow the commit (AuditLog writes on a connection of its own).
        var audits = new List<Func<Task>>();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            audits.Clear();
            await using var accounts = UserManagerScope.Create(scopeFactory, currentUser);
            await using var transaction = await accounts.Db.Database.BeginTransactionAsync(token);
            var saved = command.Id is null
                ? await CreateAsync(accounts.Users, command, audits)
                : await UpdateAsync(accounts.Users, command, audits);
            if (saved.Succeeded) await transaction.CommitAsync(token);
            return saved;
        }, cancellationToken);
        if (result.Succeeded)
        {
            foreach (var audit in audits) await audit();
        }
        return result;
    }

    private async Task<CommandResult<string>> CreateAsync(UserManager<PortalUser> users, Command command, List<Func<Task>> audits)
    {
        if (await users.FindByNameAsync(command.UserName) is not null)
        {
            return new(CommandResult.Fail(nameof(Command.UserName), $"用户名“{command.UserName}”已被使用"), null);
        }
        var user = new PortalUser
        {
            UserName = command.UserName,
            DisplayName = command.DisplayName,
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = true,
        };
        ApplyScope(user, command);
        var created = await users.CreateAsync(user, command.InitialPassword!);
        if (!created.Succeeded) return new(Failed(created), null);
        var inRole = await users.AddToRoleAsync(user, command.Role!);
        if (!inRole.Succeeded) return new(Failed(inRole), null);
        audits.Add(() => auditLog.WriteAsync(currentUser.UserName, AuditActions.UserCreated, "PortalUser", user.Id,
            $"{command.UserName}，{PortalRoles.Label(command.Role!)}", CancellationToken.None));
        return new(CommandResult.Success, user.Id);
    }

    private async Task<CommandResult<string>> UpdateAsync(UserManager<PortalUser> users, Command command, List<Func<Task>> audits)
    {
        var user = await users.FindByIdAsync(command.Id!);
        var currentRoles = user is null ? [] : await users.GetRolesAsync(user);
        if (user is null || !UserPermissions.CanManage(currentUser, user, currentRoles))
        {
            return new(CommandResult.Fail("该用户不存在、不在您的管辖范围内，或与您同级及以上（自己的账户请用“修改密码”）"), null);
        }
        if (!string.Equals(user.UserName, command.UserName, StringComparison.OrdinalIgnoreCase)
            && await users.FindByNameAsync(command.UserName) is not null)
        {
            return new(CommandResult.Fail(nameof(Command.UserName), $"用户名“{command.UserName}”已被使用"), null);
        }
        // Kept for the audit entry: a role or scope change is recorded old → new.
        var before = Describe(currentRoles.FirstOrDefault(), user.CountyId, user.TownshipId, user.VillageId);
        user.UserName = command.UserName;
        user.DisplayName = command.DisplayName;
        ApplyScope(user, command);
        var after = Describe(command.Role, user.CountyId, user.TownshipId, user.VillageId);
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded) return new(Failed(updated), null);
        if (!currentRoles.SequenceEqual([command.Role!]))
        {
            var removed = await users.RemoveFromRolesAsync(user, currentRoles);
            if (!removed.Succeeded) return new(Failed(removed), null);
            var added = await users.AddToRoleAsync(user, command.Role!);
            if (!added.Succeeded) return new(Failed(added), null);
        }
        // A new role or scope must reach the user's open sessions: the stamp check signs them in again.
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded) return new(Failed(stamped), null);
        audits.Add(() => auditLog.WriteAsync(currentUser.UserName, AuditActions.UserUpdated, "PortalUser", user.Id,
            $"{command.UserName}，{PortalRoles.Label(command.Role!)}", CancellationToken.None));
        if (before != after)
        {
            audits.Add(() => auditLog.WriteAsync(currentUser.UserName, AuditActions.RoleChanged, AuditOutcome.Success, $"用户 {command.UserName}",
                "PortalUser", user.Id, $"{before} → {after}", CancellationToken.None));
        }
        return new(CommandResult.Success, user.Id);
    }

    /// <summary>Role and area ids, e.g. "乡镇干部（县 1 / 乡 3 / 村 -）": readable enough for the audit viewer, no names to look up.</summary>
    private static string Describe(string? role, int? countyId, int? townshipId, int? villageId) =>
        $"{(role is null ? "无角色" : PortalRoles.Label(role))}（县 {(object?)countyId ?? "-"} / 乡 {(object?)townshipId ?? "-"} / 村 {(object?)villageId ?? "-"}）";

    private static void ApplyScope(PortalUser user, Command command)
    {
        var scope = command.Scope;
        user.CountyId = scope.CountyId;
        user.TownshipId = scope.TownshipId;
        user.VillageId = scope.VillageId;
    }

    private async Task<bool> AreasAreConsistentAsync(Command command, CancellationToken cancellationToken)
    {
        var scope = command.Scope;
        if (scope.Unrestricted) return true;
        if (scope.IsNone) return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return scope.Level switch
        {
            AreaLevel.County => await db.Counties.AnyAsync(c => c.Id == scope.CountyId, cancellationToken),
            AreaLevel.Township => await db.Townships.AnyAsync(t => t.Id == scope.TownshipId && t.CountyId == scope.CountyId, cancellationToken),
            _ => await db.Villages.AnyAsync(v => v.Id == scope.VillageId && v.TownshipId == scope.TownshipId && v.CountyId == scope.CountyId, cancellationToken),
        };
    }

    private static CommandResult Failed(IdentityResult result) =>
        CommandResult.Fail(result.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? nameof(Command.InitialPassword) : "",
            string.Join("；", result.Errors.Select(e => e.Description)));
}
