using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Reconciliation;

/// <summary>数据来源 of a reconciliation (账账相符): the national system's export or a department's list.</summary>
public enum ReconciliationSourceKind
{
    NationalExport,
    MedicalInsurance,
    CivilAffairs,
    Education,
    DisabledPersons,
    Other,
}

/// <summary>
/// A source of one county and the column mapping last saved for it, proposed again at its next upload. One row per
/// kind and name in a county: the built-in kinds have their label as name, 其他名单 a name the user gives.
/// </summary>
public class ReconciliationSource : IAuditable
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public ReconciliationSourceKind Kind { get; set; }
    public required string Name { get; set; }

    /// <summary>Field → the file's header, as JSON (<see cref="ReadMapping"/>, <see cref="WriteMapping"/>).</summary>
    public string Mapping { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public IReadOnlyDictionary<ReconciliationField, string> ReadMapping() => ColumnMapping.Read<ReconciliationField>(Mapping);

    public void WriteMapping(IReadOnlyDictionary<ReconciliationField, string> mapping) => Mapping = ColumnMapping.Write(mapping);
}
