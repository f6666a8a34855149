using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Rectification;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Rectification;

/// <summary>What every command on an existing problem does the same way: who acts, loading it, and saving over a newer save.</summary>
public static class ProblemCommands
{
    public const string NotFound = "该问题不存在或不在您的管辖范围内";

    public const string Conflict = "提交失败：您打开此页面后，该问题已被他人处理或修改。您填写的内容仍保留，请刷新页面核对后再提交。";

    public static ProblemActor Actor(CurrentUser user) => new(user.UserId ?? "", user.DisplayName, user.Role ?? "");

    /// <summary>
    /// The problem, inside the scope (the query filter), with its evidence (报送整改完成 needs it), held to the version the
    /// page showed: a save over a newer one fails instead of deciding on what the user never saw.
    /// </summary>
    public static async Task<Problem?> LoadAsync(PortalDbContext db, int id, Guid version, CancellationToken cancellationToken)
    {
        var problem = await db.Problems.Include(p => p.Evidence).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (problem is not null) db.Entry(problem).Property(p => p.Version).OriginalValue = version;
        return problem;
    }

    /// <summary>Saves; a newer save in between answers <see cref="Conflict"/> and writes nothing.</summary>
    public static Task<CommandResult> SaveAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        GuardedSave.SaveAsync(db, Conflict, cancellationToken);
}
