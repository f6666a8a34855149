using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;

namespace PovertyPortal.Domain.Correction;

/// <summary>
/// Art. 50: a minor's identity is kept from everyone but the staff of their own case — the 司法所 of their township
/// (the correction scope already keeps other townships out) and the county officer who keeps the case. Everyone else
/// gets a placeholder from the server, so nothing in the page can be unmasked. Adults' IDs and phones are masked
/// by default like the register's.
/// </summary>
public static class CorrectionPrivacy
{
    public const string HiddenId = "（未成年人，已隐藏）";

    public static bool CanSeeIdentity(bool isMinor, string? caseOfficerUserId, string? role, string? userId) =>
        !isMinor
        || role == PortalRoles.JudicialOffice
        || (role == PortalRoles.JusticeBureau && userId is not null && caseOfficerUserId == userId);

    public static bool CanSeeIdentity(CorrectionSubject subject, string? role, string? userId, DateOnly today) =>
        CanSeeIdentity(subject.IsMinorOn(today), subject.CaseOfficerUserId, role, userId);

    /// <summary>The name a list or document shows: the real one, or a placeholder that names the case only.</summary>
    public static string DisplayName(int subjectId, string name, bool canSeeIdentity) =>
        canSeeIdentity ? name : $"未成年矫正对象（案件{subjectId}）";

    /// <summary>The ID as shown by default: masked for adults, hidden for a minor outside their case staff.</summary>
    public static string DisplayResidentId(string? residentId, bool canSeeIdentity) =>
        !canSeeIdentity ? HiddenId : string.IsNullOrEmpty(residentId) ? "" : ResidentId.Mask(residentId);
}
