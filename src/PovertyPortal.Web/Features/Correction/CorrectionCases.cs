using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Correction;

/// <summary>What every command on a correction case does the same way: who may act, loading the case, saving over a newer save, the audit line.</summary>
public static class CorrectionCases
{
    public const string NotFound = "该案件不存在或不在您的管辖范围内";
    public const string RoleRefusal = "您的角色不能办理社区矫正案件";
    public const string CountyOnly = "此项由县级司法行政机关决定，司法所可签署意见后报县级审批";
    public const string Conflict = "提交失败：您打开此页面后，该案件已被他人修改。您填写的内容仍保留，请刷新页面核对后再提交。";

    /// <summary>The case inside the correction scope (the query filter), held to the version the page showed.</summary>
    public static async Task<CorrectionSubject?> LoadAsync(PortalDbContext db, int id, Guid version, CancellationToken cancellationToken, bool withGroup = false)
    {
        IQueryable<CorrectionSubject> query = withGroup ? db.CorrectionSubjects.Include(s => s.GroupMembers) : db.CorrectionSubjects;
        var subject = await query.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subject is not null) db.Entry(subject).Property(s => s.Version).OriginalValue = version;
        return subject;
    }

    /// <summary>Saves; a newer save in between answers <see cref="Conflict"/> and writes nothing.</summary>
    public static Task<CommandResult> SaveAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        GuardedSave.SaveAsync(db, Conflict, cancellationToken);

    public static bool MayAct(CurrentUser user) => PortalRoles.IsCorrection(user.Role);

    /// <summary>One audit line per step: the case's id and what was done, never the person's name or ID.</summary>
    public static Task AuditAsync(AuditLog auditLog, CurrentUser user, int subjectId, string what, CancellationToken cancellationToken) =>
        auditLog.WriteAsync(user.UserName, AuditActions.CorrectionCaseChanged, AuditOutcome.Success, $"社区矫正案件 {subjectId}",
            nameof(CorrectionSubject), subjectId.ToString(System.Globalization.CultureInfo.InvariantCulture), what, cancellationToken);

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    public static DateTime? Picker(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);
}
