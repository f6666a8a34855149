namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>The columns of the household register file (issue 4), one per person; index = template order.</summary>
public enum RegisterField
{
    County,
    Township,
    Village,
    VillageGroup,
    HouseholdNumber,
    Name,
    ResidentId,
    Relationship,
    Gender,
    BirthDate,
    Ethnicity,
    EducationLevel,
    SchoolingStatus,
    Health,
    LabourAbility,
    MigrantWorkPlace,
    MigrantWorkMonths,
    BasicMedicalInsurance,
    SeriousIllnessInsurance,
    PensionInsurance,
    PovertyCategory,
    PrimaryCause,
    SecondaryCause,
    IdentificationYear,
    Status,
    ExitYear,
    Relocated,
    MonitoringType,
    Phone,
}

/// <summary>
/// The header names of the register, exactly as the issue and the downloadable template write them, and which of
/// them are household-level or required. A file may put them in any order and add columns of its own.
/// </summary>
public static class RegisterColumns
{
    public const string County = "县(市、区)";
    public const string Township = "乡(镇)";
    public const string Village = "行政村";
    public const string VillageGroup = "村民小组";
    public const string HouseholdNumber = "户编号";
    public const string Name = "姓名";
    public const string ResidentId = "证件号码";
    public const string Relationship = "与户主关系";
    public const string Gender = "性别";
    public const string BirthDate = "出生日期";
    public const string Ethnicity = "民族";
    public const string EducationLevel = "文化程度";
    public const string SchoolingStatus = "在校生状况";
    public const string Health = "健康状况";
    public const string LabourAbility = "劳动技能";
    public const string MigrantWorkPlace = "务工状况";
    public const string MigrantWorkMonths = "务工时间(月)";
    public const string BasicMedicalInsurance = "是否参加城乡居民基本医疗保险";
    public const string SeriousIllnessInsurance = "是否参加大病保险";
    public const string PensionInsurance = "是否参加城乡居民基本养老保险";
    public const string PovertyCategory = "贫困户属性";
    public const string PrimaryCause = "主要致贫原因";
    public const string SecondaryCause = "次要致贫原因";
    public const string IdentificationYear = "识别年度";
    public const string Status = "贫困户状态";
    public const string ExitYear = "脱贫年度";
    public const string Relocated = "是否易地搬迁户";
    public const string MonitoringType = "监测对象类别";
    public const string Phone = "联系电话";

    /// <summary>The column added to each bad row of the error workbook.</summary>
    public const string ErrorNote = "错误说明";

    /// <summary>The 29 header names in template order (indexed by <see cref="RegisterField"/>).</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        County, Township, Village, VillageGroup, HouseholdNumber, Name, ResidentId, Relationship, Gender, BirthDate,
        Ethnicity, EducationLevel, SchoolingStatus, Health, LabourAbility, MigrantWorkPlace, MigrantWorkMonths,
        BasicMedicalInsurance, SeriousIllnessInsurance, PensionInsurance, PovertyCategory, PrimaryCause, SecondaryCause,
        IdentificationYear, Status, ExitYear, Relocated, MonitoringType, Phone,
    ];

    /// <summary>
    /// Columns a file must have: where the household lives, who the person is and how they stand in the household,
    /// and the household's status. The others may be left out of a file altogether (their values are then null).
    /// </summary>
    public static IReadOnlyList<string> Required { get; } =
        [Township, Village, HouseholdNumber, Name, ResidentId, Relationship, Status];

    /// <summary>
    /// The names whose presence marks the header row below the title rows (户编号, 姓名, 证件号码).
    /// </summary>
    public static IReadOnlyList<string> HeaderMarkers { get; } = [HouseholdNumber, Name, ResidentId];

    /// <summary>贫困户属性 … 联系电话: filled on every row of a household or only on the head's row.</summary>
    public static bool IsHouseholdLevel(RegisterField field) => field >= RegisterField.PovertyCategory;

    public static bool IsHouseholdLevel(string header) => FieldOf(header) is { } f && IsHouseholdLevel(f);

    public static bool IsRequired(string header) => Required.Contains(header);

    /// <summary>The Chinese header of a field.</summary>
    public static string NameOf(RegisterField field) => All[(int)field];

    /// <summary>The field of a header as written in a file (trimmed, full-width and inner spaces normalized), or null.</summary>
    public static RegisterField? FieldOf(string? header)
    {
        var key = CellText.HeaderKey(header);
        return key is not null && ByName.TryGetValue(key, out var field) ? field : null;
    }

    private static readonly Dictionary<string, RegisterField> ByName = BuildByName();

    private static Dictionary<string, RegisterField> BuildByName()
    {
        var map = new Dictionary<string, RegisterField>(StringComparer.Ordinal);
        for (var i = 0; i < All.Count; i++) map[CellText.HeaderKey(All[i])!] = (RegisterField)i;
        return map;
    }
}
