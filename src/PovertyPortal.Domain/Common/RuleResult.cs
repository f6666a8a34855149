namespace PovertyPortal.Domain.Common;

/// <summary>
/// The answer of a domain rule that may refuse: done, or refused with one Chinese sentence the page shows as it is.
/// Rules return it instead of throwing because a refusal is an everyday answer (a button pressed in the wrong state),
/// not a fault.
/// </summary>
public readonly record struct RuleResult(string? Refusal)
{
    public static RuleResult Ok => default;

    public static RuleResult Refused(string message) => new(message);

    public bool Succeeded => Refusal is null;
}
