using PovertyPortal.Data;

namespace PovertyPortal.Web.Features.Common;

/// <summary>
/// A form's save when the database is out of reach (decision 0019) or the record's year is locked (decision 0032): the
/// handler's exception becomes the form's own message, so the dialog stays open with everything typed in it, and the
/// circuit lives on. Other exceptions go on to the page's error boundary as before.
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
        catch (Exception e) when (Refusal(e) is { } message)
        {
            return new(CommandResult.Fail(message), default);
        }
    }

    public static async Task<CommandResult> RunAsync(Func<Task<CommandResult>> save)
    {
        try
        {
            return await save();
        }
        catch (Exception e) when (Refusal(e) is { } message)
        {
            return CommandResult.Fail(message);
        }
    }

    /// <summary>
    /// The form's message for a save the database did not take and the user can act on: a locked year (its own
    /// sentence, naming the year and township), the database out of reach. Null for every other exception.
    /// </summary>
    public static string? Refusal(Exception exception) => exception switch
    {
        YearLockedException locked => locked.Message,
        _ when DatabaseFaults.IsUnavailable(exception) => Unavailable,
        _ => null,
    };
}
