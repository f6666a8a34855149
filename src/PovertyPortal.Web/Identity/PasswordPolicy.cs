using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PovertyPortal.Data;

namespace PovertyPortal.Web.Identity;

/// <summary>
/// Password age and history (等保2.0 三级: passwords are changed periodically and not reused). A password that has
/// aged out is handled like one an administrator reset: the user is sent to change it before anything else.
/// </summary>
public sealed class PasswordPolicy(IOptions<SecurityOptions> options, TimeProvider clock)
{
    /// <summary>True once the password is older than Security:PasswordMaxAgeDays (counted from the account's creation if never set).</summary>
    public bool IsExpired(PortalUser user) =>
        options.Value.PasswordMaxAgeDays > 0
        && clock.GetUtcNow() - (user.PasswordChangedAt ?? user.CreatedAt) > TimeSpan.FromDays(options.Value.PasswordMaxAgeDays);

    /// <summary>The user may do nothing before changing the password: reset by an administrator, or aged out.</summary>
    public bool MustChange(PortalUser user) => user.MustChangePassword || IsExpired(user);

    public int MaxAgeDays => options.Value.PasswordMaxAgeDays;

    /// <summary>Hashes of the passwords a new one may not repeat: the current one and the ones before it.</summary>
    public static IEnumerable<string> RecentHashes(PortalUser user, int count)
    {
        // During a change the history already starts with the current hash (PortalUserManager): counted once.
        if (user.PasswordHash is not null) yield return user.PasswordHash;
        foreach (var hash in Split(user.PreviousPasswordHashes).Where(h => h != user.PasswordHash).Take(Math.Max(0, count - 1))) yield return hash;
    }

    /// <summary>
    /// The history after a change: the replaced hash first, then the older ones, <paramref name="count"/> kept. That is
    /// one more than <see cref="RecentHashes"/> reads besides the current hash, because a change pushes before it is
    /// validated: the validator must still see the oldest of the last <paramref name="count"/>.
    /// </summary>
    public static string? Push(string? history, string? replacedHash, int count)
    {
        var kept = (replacedHash is null ? Split(history) : Split(history).Prepend(replacedHash)).Take(Math.Max(0, count)).ToList();
        return kept.Count == 0 ? null : string.Join(' ', kept);
    }

    private static string[] Split(string? history) =>
        (history ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>Refuses a new password that is one of the last Security:PasswordHistory passwords (the current one included).</summary>
public sealed class PasswordHistoryValidator(IOptions<SecurityOptions> options) : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var count = Math.Max(1, options.Value.PasswordHistory);
        if (password is null) return Task.FromResult(IdentityResult.Success);
        foreach (var hash in PasswordPolicy.RecentHashes(user, count))
        {
            if (manager.PasswordHasher.VerifyHashedPassword(user, hash, password) != PasswordVerificationResult.Failed)
            {
                return Task.FromResult(IdentityResult.Failed(new IdentityError
                {
                    Code = "PasswordReused",
                    Description = count == 1 ? "新密码不能与原密码相同" : $"新密码不能与最近{count}次使用过的密码相同",
                }));
            }
        }
        return Task.FromResult(IdentityResult.Success);
    }
}

/// <summary>
/// Identity's user manager, which also records when a password was set and keeps the hashes of the ones before it,
/// in the same write as the new hash (create, change, reset, add: the pages, user management and the command line).
/// </summary>
public sealed class PortalUserManager(
    IUserStore<PortalUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<PortalUser> passwordHasher,
    IEnumerable<IUserValidator<PortalUser>> userValidators,
    IEnumerable<IPasswordValidator<PortalUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<PortalUser>> logger,
    IOptions<SecurityOptions> security,
    TimeProvider clock)
    : UserManager<PortalUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    // Identity sets the hash through a private path that no override reaches, so each public way to a new password
    // is wrapped: the time and the history are set before (one write with the hash) and put back if it fails.
    public override Task<IdentityResult> CreateAsync(PortalUser user, string password) =>
        WithNewPasswordAsync(user, () => base.CreateAsync(user, password));

    public override Task<IdentityResult> ChangePasswordAsync(PortalUser user, string currentPassword, string newPassword) =>
        WithNewPasswordAsync(user, () => base.ChangePasswordAsync(user, currentPassword, newPassword));

    public override Task<IdentityResult> ResetPasswordAsync(PortalUser user, string token, string newPassword) =>
        WithNewPasswordAsync(user, () => base.ResetPasswordAsync(user, token, newPassword));

    public override Task<IdentityResult> AddPasswordAsync(PortalUser user, string password) =>
        WithNewPasswordAsync(user, () => base.AddPasswordAsync(user, password));

    private async Task<IdentityResult> WithNewPasswordAsync(PortalUser user, Func<Task<IdentityResult>> change)
    {
        var (changedAt, history) = (user.PasswordChangedAt, user.PreviousPasswordHashes);
        user.PasswordChangedAt = clock.GetUtcNow();
        user.PreviousPasswordHashes = PasswordPolicy.Push(history, user.PasswordHash, Math.Max(1, security.Value.PasswordHistory));
        var result = await change();
        if (!result.Succeeded) (user.PasswordChangedAt, user.PreviousPasswordHashes) = (changedAt, history);
        return result;
    }
}
