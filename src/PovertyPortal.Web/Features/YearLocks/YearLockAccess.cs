using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.YearLocks;

/// <summary>Who may lock and unlock a township's year: county supervisors and system administrators (decision 0032).</summary>
public static class YearLockAccess
{
    public const string RoleRefusal = "只有县级督导人员和系统管理员可以锁定或解锁年度数据";

    public static CommandResult? Refusal(CurrentUser user) => PortalRoles.CanLockYears(user.Role) ? null : CommandResult.Fail(RoleRefusal);

    /// <summary>How the audit log and the messages name a township's year: "石桥镇2025年度".</summary>
    public static string Label(string townshipName, int year) => $"{townshipName}{year}年度";
}
