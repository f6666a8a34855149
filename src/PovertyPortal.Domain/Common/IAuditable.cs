namespace PovertyPortal.Domain.Common;

/// <summary>Rows that record who created and last changed them; filled by the data layer, never by hand.</summary>
public interface IAuditable
{
    DateTimeOffset CreatedAt { get; set; }
    string? CreatedBy { get; set; }
    DateTimeOffset? UpdatedAt { get; set; }
    string? UpdatedBy { get; set; }
}
