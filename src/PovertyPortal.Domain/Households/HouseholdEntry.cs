namespace PovertyPortal.Domain.Households;

/// <summary>
/// A household's register fields as a person or a file gives them. The household form (SaveHousehold.Command adds
/// what only the form needs), both writing paths of the import and the demo data all write a household through
/// <see cref="Normalize"/>, <see cref="ApplyTo"/> and <see cref="Household.AddStatusStep"/>, so the same row
/// comes out whichever way it came in.
/// </summary>
public class HouseholdEntry
{
    public int? VillageGroupId { get; set; }
    public string HouseholdNumber { get; set; } = "";
    public string? Address { get; set; }

    /// <summary>Empty means "keep the stored phone": the form never shows it unmasked, and the file may leave it out.</summary>
    public string? Phone { get; set; }
    public PovertyCategory? Category { get; set; }
    public PovertyCause? PrimaryCause { get; set; }
    public PovertyCause? SecondaryCause { get; set; }
    public int? IdentificationYear { get; set; }
    public HouseholdStatus Status { get; set; } = HouseholdStatus.Identified;
    public int? ExitYear { get; set; }

    /// <summary>清退原因: kept on the status step of a removal, not on the household.</summary>
    public string? RemovalReason { get; set; }
    public bool IsRelocated { get; set; }
    public string? RelocationSite { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public MonitoringType? MonitoringType { get; set; }
    public DateTime? MonitoringIdentifiedOn { get; set; }
    public DateTime? RiskEliminatedOn { get; set; }

    /// <summary>
    /// Full-width digits and letters to half-width, spaces out of numbers, empty text to null. Runs before the
    /// validator, so that what is checked is what is stored.
    /// </summary>
    public void Normalize()
    {
        HouseholdNumber = ResidentId.Normalize(HouseholdNumber);
        Phone = string.IsNullOrWhiteSpace(Phone) ? null : ResidentId.Normalize(Phone);
        Address = Trimmed(Address);
        RemovalReason = Trimmed(RemovalReason);
        RelocationSite = Trimmed(RelocationSite);
    }

    /// <summary>
    /// Copies the fields onto the household and says whether any value changed (the import counts unchanged rows).
    /// The area ids are not set here: a move goes through HouseholdArea, which moves the household's rows with it.
    /// </summary>
    public bool ApplyTo(Household h)
    {
        var changed = false;
        void Set<T>(T current, T value, Action<T> assign)
        {
            if (EqualityComparer<T>.Default.Equals(current, value)) return;
            assign(value);
            changed = true;
        }
        Set(h.VillageGroupId, VillageGroupId, v => h.VillageGroupId = v);
        Set(h.HouseholdNumber, HouseholdNumber, v => h.HouseholdNumber = v);
        Set(h.Address, Address, v => h.Address = v);
        if (Phone is not null) Set(h.Phone, Phone, v => h.Phone = v);
        Set(h.Category, Category, v => h.Category = v);
        Set(h.PrimaryCause, PrimaryCause, v => h.PrimaryCause = v);
        Set(h.SecondaryCause, SecondaryCause, v => h.SecondaryCause = v);
        Set(h.IdentificationYear, IdentificationYear, v => h.IdentificationYear = v);
        Set(h.Status, Status, v => h.Status = v);
        Set(h.ExitYear, ExitYear, v => h.ExitYear = v);
        Set(h.IsRelocated, IsRelocated, v => h.IsRelocated = v);
        Set(h.RelocationSite, IsRelocated ? RelocationSite : null, v => h.RelocationSite = v);
        Set(h.Latitude, Latitude, v => h.Latitude = v);
        Set(h.Longitude, Longitude, v => h.Longitude = v);
        Set(h.MonitoringType, MonitoringType, v => h.MonitoringType = v);
        Set(h.MonitoringIdentifiedOn, MonitoringType is null ? null : DateOf(MonitoringIdentifiedOn), v => h.MonitoringIdentifiedOn = v);
        Set(h.RiskEliminatedOn, MonitoringType is null ? null : DateOf(RiskEliminatedOn), v => h.RiskEliminatedOn = v);
        return changed;
    }

    /// <summary>Whether saving this entry over <paramref name="h"/> is a change of status, which adds a dated step.</summary>
    public bool ChangesStatusOf(Household h) => h.Status != Status || h.ExitYear != ExitYear;

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static DateOnly? DateOf(DateTime? value) => value is null ? null : DateOnly.FromDateTime(value.Value);
}
