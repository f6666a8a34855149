namespace PovertyPortal.Domain.Common;

/// <summary>
/// A record edited in a form: its version changes at every save (the data layer renews it), and a save from a form
/// opened before someone else's save is refused instead of overwriting it (a lost update).
/// </summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
