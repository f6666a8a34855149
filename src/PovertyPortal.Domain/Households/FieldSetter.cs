namespace PovertyPortal.Domain.Households;

/// <summary>Assigns a field only when its value differs, and remembers whether any did (the import counts unchanged rows).</summary>
internal sealed class FieldSetter
{
    public bool Changed { get; private set; }

    public void Set<T>(T current, T value, Action<T> assign)
    {
        if (EqualityComparer<T>.Default.Equals(current, value)) return;
        assign(value);
        Changed = true;
    }
}
