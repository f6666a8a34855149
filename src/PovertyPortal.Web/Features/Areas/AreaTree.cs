using System.Text.RegularExpressions;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Web.Features.Areas;

/// <summary>
/// The rules of 统计用区划代码 and the messages shared by the tree's save handlers. Who may maintain the tree:
/// <see cref="PortalRoles.CanMaintainAreas"/>.
/// </summary>
public static partial class AreaTree
{
    public const string NoPermission = "您没有维护行政区划的权限";

    public static bool IsTwelveDigits(string? code) => code is not null && TwelveDigits().IsMatch(code);

    /// <summary>Users paste codes from spreadsheets: spaces and full-width digits are not their mistake.</summary>
    public static string NormalizeCode(string? code) =>
        new((code ?? "").Where(c => !char.IsWhiteSpace(c))
            .Select(c => c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c).ToArray());

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex TwelveDigits();
}
