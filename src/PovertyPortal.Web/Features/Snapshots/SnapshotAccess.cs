using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Snapshots;

/// <summary>Who may freeze a county's year and explain its changes: county supervisors and system administrators.</summary>
public static class SnapshotAccess
{
    public const string RoleRefusal = "只有县级督导人员和系统管理员可以冻结年末数据或说明年度变化";
    public const string NotFound = "该年末数据快照不存在或不在您的管辖范围内";

    public static bool CanFreeze(string? role) => role is PortalRoles.SystemAdmin or PortalRoles.CountySupervisor;

    public static CommandResult? Refusal(CurrentUser user) => CanFreeze(user.Role) ? null : CommandResult.Fail(RoleRefusal);

    /// <summary>Whole 元 amounts in fen, as the dashboard's tallies count them (ROUND(amount × 100)).</summary>
    public static long Fen(decimal amount) => (long)Math.Round(amount * 100, 0, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A bound in 元 as the smallest whole fen not below it: for an amount of whole fen n, n &lt; bound exactly when
    /// n &lt; this, so the snapshot's comparisons in fen give the live comparisons in 元.
    /// </summary>
    public static long FenCeiling(decimal bound) => (long)Math.Ceiling(bound * 100);
}
