namespace PovertyPortal.Domain.Correction;

/// <summary>
/// A row of community-correction casework: it lies in the township whose 司法所 runs the case. Filtered by the
/// correction scope, never by the poverty-alleviation one (docs/decisions/0029): neither side sees the other's rows.
/// </summary>
public interface ICorrectionBound
{
    int CountyId { get; }
    int TownshipId { get; }
}
