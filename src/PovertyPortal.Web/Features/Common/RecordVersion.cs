using Microsoft.EntityFrameworkCore;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Web.Features.Common;

/// <summary>
/// Lost updates (issue 16): a form carries the version of the record it was opened with, and the save is refused when
/// someone else has saved the record since, with the households' conflict message (EditConflict).
/// </summary>
public static class RecordVersion
{
    /// <summary>
    /// The row must still carry the form's version. The save checks it and renews it even when only the record's own
    /// rows below it changed (a check's items, a log's visits), so the next form opened before this save is refused too.
    /// A command without a version (a form opened empty for a year that has a record, which replaces it as before;
    /// a record saved before versions existed, whose stored version is empty too) is not checked.
    /// </summary>
    public static void Expect(DbContext db, IVersioned record, Guid loaded)
    {
        if (loaded == Guid.Empty) return;
        var version = db.Entry(record).Property(nameof(IVersioned.Version));
        version.OriginalValue = loaded;
        version.IsModified = true;
    }

    /// <summary>The refusal, as households and members say it; <paramref name="changes"/> lists what the other save changed, when known.</summary>
    public static CommandResult Conflict(string what, string changes = "") =>
        CommandResult.Fail($"保存失败：您打开此表单后，{what}已被他人修改{changes}。您填写的内容仍保留在表单中，请记下后关闭表单，重新打开核对再保存。");
}
