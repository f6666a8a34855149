using System.Globalization;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>
/// A household of the file: its rows (same 户编号, in file order) and the household-level values merged across them.
/// Area names (县 … 村民小组) are merged the same way, so they too may be written on the head's row only.
/// </summary>
public sealed class RegisterHousehold
{
    public required string HouseholdNumber { get; init; }
    public required IReadOnlyList<RegisterRow> Members { get; init; }

    /// <summary>The first row whose 与户主关系 is 户主; null when there is none (an error was recorded).</summary>
    public RegisterRow? Head { get; init; }

    public string? County { get; init; }
    public string? Township { get; init; }
    public string? Village { get; init; }
    public string? VillageGroup { get; init; }
    public PovertyCategory? Category { get; init; }
    public PovertyCause? PrimaryCause { get; init; }
    public PovertyCause? SecondaryCause { get; init; }
    public int? IdentificationYear { get; init; }
    public HouseholdStatus? Status { get; init; }
    public int? ExitYear { get; init; }

    /// <summary>是否易地搬迁户; an empty cell on every row reads as 否.</summary>
    public bool IsRelocated { get; init; }
    public MonitoringType? MonitoringType { get; init; }
    public string? Phone { get; init; }
}

public static class RegisterHouseholds
{
    private sealed record MergedField(RegisterField Field, Func<RegisterRow, object?> Get);

    private static readonly MergedField[] Merged =
    [
        new(RegisterField.County, r => r.County),
        new(RegisterField.Township, r => r.Township),
        new(RegisterField.Village, r => r.Village),
        new(RegisterField.VillageGroup, r => r.VillageGroup),
        new(RegisterField.PovertyCategory, r => r.Category),
        new(RegisterField.PrimaryCause, r => r.PrimaryCause),
        new(RegisterField.SecondaryCause, r => r.SecondaryCause),
        new(RegisterField.IdentificationYear, r => r.IdentificationYear),
        new(RegisterField.Status, r => r.Status),
        new(RegisterField.ExitYear, r => r.ExitYear),
        new(RegisterField.Relocated, r => r.IsRelocated),
        new(RegisterField.MonitoringType, r => r.MonitoringType),
        new(RegisterField.Phone, r => r.Phone),
    ];

    /// <summary>
    /// The households of the sheet in the order of their first row. Rows without a 户编号 belong to none. Each merged
    /// value is the head's when the head's row has one, else the first row's that has one.
    /// </summary>
    public static IReadOnlyList<RegisterHousehold> Group(RegisterSheet sheet) => Group(sheet.Rows, report: null);

    /// <summary>Groups and, when <paramref name="report"/> is given, reports the households' inconsistencies.</summary>
    internal static IReadOnlyList<RegisterHousehold> Group(IReadOnlyList<RegisterRow> rows, HouseholdChecks? report)
    {
        var byNumber = new Dictionary<string, List<RegisterRow>>(StringComparer.Ordinal);
        var order = new List<List<RegisterRow>>();
        foreach (var row in rows)
        {
            if (row.HouseholdNumber is null) continue;
            if (!byNumber.TryGetValue(row.HouseholdNumber, out var members))
            {
                members = new List<RegisterRow>(4);
                byNumber.Add(row.HouseholdNumber, members);
                order.Add(members);
            }
            members.Add(row);
        }

        var households = new List<RegisterHousehold>(order.Count);
        var values = new object?[Merged.Length];
        foreach (var members in order)
        {
            RegisterRow? head = null;
            foreach (var m in members)
            {
                if (m.Relationship != Relationship.Head) continue;
                if (head is null) head = m;
                else report?.Add(m.SheetRowNumber, RegisterField.Relationship, Relationship.Head.Label(),
                    $"第{head.SheetRowNumber}行与第{m.SheetRowNumber}行都是户主，一户只能有一个户主");
            }
            for (var f = 0; f < Merged.Length; f++)
            {
                var field = Merged[f];
                object? first = null;
                RegisterRow? firstRow = null;
                var reported = false;
                foreach (var m in members)
                {
                    var v = field.Get(m);
                    if (v is null) continue;
                    if (first is null) { first = v; firstRow = m; continue; }
                    if (!reported && report is not null && !v.Equals(first))
                    {
                        reported = true;
                        var name = RegisterColumns.NameOf(field.Field);
                        report.Add(m.SheetRowNumber, field.Field, Show(v),
                            $"第{firstRow!.SheetRowNumber}行与第{m.SheetRowNumber}行的“{name}”不一致：{Show(first)} / {Show(v)}");
                    }
                }
                values[f] = (head is not null ? field.Get(head) : null) ?? first;
            }
            var household = new RegisterHousehold
            {
                HouseholdNumber = members[0].HouseholdNumber!,
                Members = members,
                Head = head,
                County = (string?)values[0],
                Township = (string?)values[1],
                Village = (string?)values[2],
                VillageGroup = (string?)values[3],
                Category = (PovertyCategory?)values[4],
                PrimaryCause = (PovertyCause?)values[5],
                SecondaryCause = (PovertyCause?)values[6],
                IdentificationYear = (int?)values[7],
                Status = (HouseholdStatus?)values[8],
                ExitYear = (int?)values[9],
                IsRelocated = (bool?)values[10] ?? false,
                MonitoringType = (MonitoringType?)values[11],
                Phone = (string?)values[12],
            };
            households.Add(household);
            if (report is not null) CheckHousehold(household, report);
        }
        return households;
    }

    private static void CheckHousehold(RegisterHousehold household, HouseholdChecks report)
    {
        var first = household.Members[0].SheetRowNumber;
        bool Unread(RegisterField field) => household.Members.Any(m => report.HadCellError(m.SheetRowNumber, field));

        if (household.Head is null && !Unread(RegisterField.Relationship))
        {
            report.Add(first, RegisterField.Relationship, null,
                $"户编号{household.HouseholdNumber}没有户主：须有一行的“与户主关系”为“户主”");
        }
        foreach (var (field, value) in new (RegisterField, object?)[]
                 {
                     (RegisterField.Township, household.Township), (RegisterField.Village, household.Village),
                     (RegisterField.Status, household.Status),
                 })
        {
            if (value is null && report.HasColumn(field) && !Unread(field))
            {
                report.Add((household.Head ?? household.Members[0]).SheetRowNumber, field, null,
                    $"请填写{RegisterColumns.NameOf(field)}（户编号{household.HouseholdNumber}的任何一行都没有填写）");
            }
        }
        if (household.Category is null && household.Status is { } status && !Unread(RegisterField.PovertyCategory)
            && (status != HouseholdStatus.NotRegistered || household.MonitoringType is null))
        {
            report.Add((household.Head ?? household.Members[0]).SheetRowNumber, RegisterField.PovertyCategory, null,
                "请填写贫困户属性：只有从未建档立卡的防止返贫监测对象（贫困户状态为“非建档立卡户”且填写了监测对象类别）可以不填");
        }
    }

    private static string Show(object value) => value switch
    {
        Enum e => HouseholdLabels.LabelOf(e),
        bool b => b ? "是" : "否",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>Where household checks put their errors, and what the row pass already reported.</summary>
internal sealed class HouseholdChecks(ErrorList errors, HashSet<long> cellErrors, Func<RegisterField, bool> hasColumn)
{
    public void Add(int row, RegisterField field, string? value, string message) =>
        errors.Add(new RowError(row, RegisterColumns.NameOf(field), value, message));

    public bool HadCellError(int row, RegisterField field) => cellErrors.Contains(Key(row, field));

    public bool HasColumn(RegisterField field) => hasColumn(field);

    public static long Key(int row, RegisterField field) => ((long)row << 6) | (long)field;
}

/// <summary>The errors of one file, at most <see cref="RegisterFileReader.MaxErrors"/> and then one that says so.</summary>
internal sealed class ErrorList
{
    private readonly List<RowError> items = [];

    public IReadOnlyList<RowError> Items => items;

    public void Add(RowError error)
    {
        if (items.Count < RegisterFileReader.MaxErrors) items.Add(error);
        else if (items.Count == RegisterFileReader.MaxErrors)
        {
            items.Add(new RowError(0, "", null, $"错误过多，只列出了前{RegisterFileReader.MaxErrors}条：请先改正这些错误再导入"));
        }
    }
}
