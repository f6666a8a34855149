using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>The empty register the portal offers for download: the header row in template order, ready to fill in.</summary>
public static class RegisterTemplate
{
    public const string SheetName = "花名册";

    /// <summary>Rows below the header that get the drop-down lists of the enumerated columns.</summary>
    public const int ListRows = 10_000;

    /// <summary>Columns whose cells are text (@), so that Excel keeps long numbers whole.</summary>
    public static IReadOnlyList<RegisterField> TextFields { get; } =
        [RegisterField.HouseholdNumber, RegisterField.ResidentId, RegisterField.Phone];

    public static void Write(Stream destination)
    {
        var columns = new XlsxColumn[RegisterColumns.All.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var field = (RegisterField)i;
            var name = RegisterColumns.All[i];
            var width = field switch
            {
                RegisterField.ResidentId => 22,
                RegisterField.HouseholdNumber => 20,
                RegisterField.Phone => 15,
                RegisterField.BirthDate => 12,
                _ => Math.Clamp(name.Length * 2.2 + 2, 8, 18),
            };
            columns[i] = new XlsxColumn(width, TextFields.Contains(field) ? XlsxStyle.Text : XlsxStyle.Default);
        }
        using var writer = new XlsxSheetWriter(destination, SheetName, columns, frozenRows: 1);
        var header = new XlsxCell[columns.Length];
        for (var i = 0; i < header.Length; i++) header[i] = new XlsxCell(RegisterColumns.All[i], XlsxStyle.Header);
        writer.WriteRow(1, header);
        AddList<Relationship>(writer, RegisterField.Relationship);
        AddList<Gender>(writer, RegisterField.Gender);
        AddList<SchoolingStatus>(writer, RegisterField.SchoolingStatus);
        AddList<HealthStatus>(writer, RegisterField.Health);
        AddList<LabourAbility>(writer, RegisterField.LabourAbility);
        foreach (var yesNo in new[] { RegisterField.BasicMedicalInsurance, RegisterField.SeriousIllnessInsurance, RegisterField.PensionInsurance, RegisterField.Relocated })
        {
            writer.AddList((int)yesNo, ["是", "否"], 2, ListRows + 1);
        }
        AddList<PovertyCategory>(writer, RegisterField.PovertyCategory);
        AddList<PovertyCause>(writer, RegisterField.PrimaryCause);
        AddList<PovertyCause>(writer, RegisterField.SecondaryCause);
        AddList<HouseholdStatus>(writer, RegisterField.Status);
        AddList<MonitoringType>(writer, RegisterField.MonitoringType);
    }

    private static void AddList<T>(XlsxSheetWriter writer, RegisterField field) where T : struct, Enum =>
        writer.AddList((int)field, Enum.GetValues<T>().Select(v => HouseholdLabels.LabelOf(v)), 2, ListRows + 1);
}
