using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>
/// One person row of a register file, typed. A cell that was empty, or that could not be read (an error was then
/// recorded for it in <see cref="RegisterSheet.Errors"/>), is null. Household-level values are as written on this
/// row; <see cref="RegisterHouseholds.Group"/> merges them across the household's rows.
/// </summary>
public sealed class RegisterRow
{
    /// <summary>1-based, as Excel shows it (title rows and blank rows counted).</summary>
    public int SheetRowNumber { get; internal set; }

    public string? County { get; internal set; }
    public string? Township { get; internal set; }
    public string? Village { get; internal set; }
    public string? VillageGroup { get; internal set; }
    public string? HouseholdNumber { get; internal set; }
    public string? Name { get; internal set; }

    /// <summary>Valid and normalized (18 characters, capital X), or null.</summary>
    public ResidentId? ResidentId { get; internal set; }
    public Relationship? Relationship { get; internal set; }
    public Gender? Gender { get; internal set; }
    public DateOnly? BirthDate { get; internal set; }
    public string? Ethnicity { get; internal set; }
    public string? EducationLevel { get; internal set; }
    public SchoolingStatus? SchoolingStatus { get; internal set; }
    public HealthStatus? Health { get; internal set; }

    /// <summary>1–4 when 健康状况 names a grade (残疾（二级）); null otherwise.</summary>
    public int? DisabilityGrade { get; internal set; }
    public LabourAbility? LabourAbility { get; internal set; }

    /// <summary>务工状况 as written (省外务工, 县内务工 …).</summary>
    public string? MigrantWorkPlace { get; internal set; }

    /// <summary>务工时间(月), 0–12.</summary>
    public int? MigrantWorkMonths { get; internal set; }
    public bool? HasBasicMedicalInsurance { get; internal set; }
    public bool? HasSeriousIllnessInsurance { get; internal set; }
    public bool? HasPensionInsurance { get; internal set; }

    public PovertyCategory? Category { get; internal set; }
    public PovertyCause? PrimaryCause { get; internal set; }
    public PovertyCause? SecondaryCause { get; internal set; }
    public int? IdentificationYear { get; internal set; }
    public HouseholdStatus? Status { get; internal set; }
    public int? ExitYear { get; internal set; }
    public bool? IsRelocated { get; internal set; }
    public MonitoringType? MonitoringType { get; internal set; }
    public string? Phone { get; internal set; }
}

/// <summary>
/// One thing to fix in the file. <see cref="SheetRowNumber"/> is 0 for a fault of the whole file (unreadable, no
/// header row), and the header row's number for missing columns.
/// </summary>
/// <param name="Column">The Chinese header of the cell, or "" for a whole-row or whole-file error.</param>
/// <param name="Value">The cell as written in the file, or null.</param>
public sealed record RowError(int SheetRowNumber, string Column, string? Value, string Message)
{
    /// <summary>第12行“证件号码”（4.21129E+17）：… — how the preview and the command line print it.</summary>
    public override string ToString()
    {
        var where = SheetRowNumber > 0 ? $"第{SheetRowNumber}行" : "文件";
        var column = Column.Length > 0 ? $"“{Column}”" : "";
        var value = string.IsNullOrEmpty(Value) ? "" : $"（{Value}）";
        return $"{where}{column}{value}：{Message}";
    }
}

/// <summary>What <see cref="RegisterFileReader.ReadAsync"/> found in a file: the rows it could read and every error.</summary>
public sealed class RegisterSheet
{
    public required IReadOnlyList<RegisterRow> Rows { get; init; }
    public required IReadOnlyList<RowError> Errors { get; init; }

    /// <summary>
    /// What the file leaves unknown but can still be stored truthfully (残疾 without a grade): shown in the preview and
    /// kept in the annotated workbook, never a reason to refuse the file.
    /// </summary>
    public IReadOnlyList<RowError> Warnings { get; init; } = [];

    /// <summary>The worksheet the rows come from ("" for .csv and for a file that could not be read).</summary>
    public required string SheetName { get; init; }

    /// <summary>1-based row number of the header row, 0 when none was found.</summary>
    public required int HeaderRowNumber { get; init; }

    public bool HasErrors => Errors.Count > 0;
}
