using FluentValidation.Results;

namespace PovertyPortal.Web.Features.Common;

/// <summary>
/// What a command handler answers: success, or Chinese messages keyed by the field they belong to
/// ("" for a message about the whole form). Nothing has been written when it fails.
/// </summary>
public sealed record CommandResult(IReadOnlyDictionary<string, string> Errors)
{
    public static CommandResult Success { get; } = new(new Dictionary<string, string>());

    public bool Succeeded => Errors.Count == 0;

    public string? this[string field] => Errors.GetValueOrDefault(field);

    public static CommandResult Fail(string field, string message) => new(new Dictionary<string, string> { [field] = message });

    public static CommandResult Fail(string message) => Fail("", message);

    public static CommandResult From(ValidationResult validation) =>
        new(validation.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage));

    /// <summary>All messages in one line, for a snackbar or the command line.</summary>
    public string Summary => string.Join("；", Errors.Values);
}

/// <summary>A command result that also carries a value (the id of what was created, a one-time password).</summary>
public sealed record CommandResult<T>(CommandResult Outcome, T? Value)
{
    public bool Succeeded => Outcome.Succeeded;
}
