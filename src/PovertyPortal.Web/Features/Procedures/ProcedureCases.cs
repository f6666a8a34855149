using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PovertyPortal.Data;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Procedures;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.Procedures;

/// <summary>What every step of a procedure does the same way: loading the case held to its version, saving, the audit line.</summary>
public static class ProcedureCases
{
    public const string NotFound = "该程序不存在或不在您的管辖范围内";
    public const string Conflict = "提交失败：您打开此页面后，该程序已被他人办理或修改。您填写的内容仍保留，请刷新页面核对后再提交。";

    /// <summary>The case inside the user's scope (the query filter), held to the version the page showed.</summary>
    public static async Task<ProcedureCase?> LoadAsync(PortalDbContext db, int id, Guid version, CancellationToken cancellationToken)
    {
        var found = await db.ProcedureCases.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is not null) db.Entry(found).Property(c => c.Version).OriginalValue = version;
        return found;
    }

    /// <summary>The county's rules, or the defaults when it has saved none.</summary>
    public static async Task<ProcedureRules> RulesAsync(PortalDbContext db, int countyId, CancellationToken cancellationToken) =>
        await db.ProcedureRules.AsNoTracking().FirstOrDefaultAsync(r => r.CountyId == countyId, cancellationToken)
        ?? ProcedureRules.Defaults(countyId);

    public static Task<int> OpenObjectionsAsync(PortalDbContext db, int caseId, CancellationToken cancellationToken) =>
        db.NoticeObjections.CountAsync(o => o.ProcedureCaseId == caseId && o.Answer == null, cancellationToken);

    /// <summary>Saves; a newer save in between answers <see cref="Conflict"/> and writes nothing.</summary>
    public static Task<CommandResult> SaveAsync(PortalDbContext db, CancellationToken cancellationToken) =>
        GuardedSave.SaveAsync(db, Conflict, cancellationToken);

    /// <summary>One audit line per step: the case's number, kind and what was done, never the household's names or IDs.</summary>
    public static Task AuditAsync(AuditLog auditLog, CurrentUser user, ProcedureCase c, string what, CancellationToken cancellationToken) =>
        auditLog.WriteAsync(user.UserName, AuditActions.ProcedureCaseChanged, AuditOutcome.Success, $"{c.Title} {c.Id}",
            nameof(ProcedureCase), c.Id.ToString(CultureInfo.InvariantCulture), what, cancellationToken);

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
