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
        var fields = new FieldSetter();
        fields.Set(h.VillageGroupId, VillageGroupId, v => h.VillageGroupId = v);
        fields.Set(h.HouseholdNumber, HouseholdNumber, v => h.HouseholdNumber = v);
        fields.Set(h.Address, Address, v => h.Address = v);
        if (Phone is not null) fields.Set(h.Phone, Phone, v => h.Phone = v);
        fields.Set(h.Category, Category, v => h.Category = v);
        fields.Set(h.PrimaryCause, PrimaryCause, v => h.PrimaryCause = v);
        fields.Set(h.SecondaryCause, SecondaryCause, v => h.SecondaryCause = v);
        fields.Set(h.IdentificationYear, IdentificationYear, v => h.IdentificationYear = v);
        fields.Set(h.Status, Status, v => h.Status = v);
        fields.Set(h.ExitYear, ExitYear, v => h.ExitYear = v);
        fields.Set(h.IsRelocated, IsRelocated, v => h.IsRelocated = v);
        fields.Set(h.RelocationSite, IsRelocated ? RelocationSite : null, v => h.RelocationSite = v);
        fields.Set(h.Latitude, Latitude, v => h.Latitude = v);
        fields.Set(h.Longitude, Longitude, v => h.Longitude = v);
        fields.Set(h.MonitoringType, MonitoringType, v => h.MonitoringType = v);
        fields.Set(h.MonitoringIdentifiedOn, MonitoringType is null ? null : DateOf(MonitoringIdentifiedOn), v => h.MonitoringIdentifiedOn = v);
        fields.Set(h.RiskEliminatedOn, MonitoringType is null ? null : DateOf(RiskEliminatedOn), v => h.RiskEliminatedOn = v);
        return fields.Changed;
    }

    /// <summary>Whether saving this entry over <paramref name="h"/> is a change of status, which adds a dated step.</summary>
    public bool ChangesStatusOf(Household h) => h.Status != Status || h.ExitYear != ExitYear;

    /// <summary>
    /// Whether this entry changes the household's standing (status, 识别 and 脱贫 years, monitoring): the form may not, an
    /// approved procedure must (decision 0031).
    /// </summary>
    public bool ChangesStandingOf(Household h) =>
        ChangesStatusOf(h) || h.IdentificationYear != IdentificationYear || h.MonitoringType != MonitoringType
        || h.MonitoringIdentifiedOn != (MonitoringType is null ? null : DateOf(MonitoringIdentifiedOn))
        || h.RiskEliminatedOn != (MonitoringType is null ? null : DateOf(RiskEliminatedOn));

    internal static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static DateOnly? DateOf(DateTime? value) => value is null ? null : DateOnly.FromDateTime(value.Value);
}
