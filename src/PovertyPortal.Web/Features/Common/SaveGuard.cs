using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Common;

/// <summary>
/// A form's save when the database is out of reach (decision 0019): the handler's exception becomes the form's own
/// message, so the dialog stays open with everything typed in it, and the circuit lives on. Other exceptions go on
/// to the page's error boundary as before.
/// </summary>
public static class SaveGuard
{
    public const string Unavailable = "数据库暂时无法连接，本次保存没有完成，数据库未作任何修改。您填写的内容仍保留在表单中，请稍后再点“保存”。";

    public static async Task<CommandResult<T>> RunAsync<T>(Func<Task<CommandResult<T>>> save)
    {
        try
        {
            return await save();
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            return new(CommandResult.Fail(Unavailable), default);
        }
    }

    public static async Task<CommandResult> RunAsync(Func<Task<CommandResult>> save)
    {
        try
        {
            return await save();
        }
        catch (Exception e) when (DatabaseFaults.IsUnavailable(e))
        {
            return CommandResult.Fail(Unavailable);
        }
    }
}
