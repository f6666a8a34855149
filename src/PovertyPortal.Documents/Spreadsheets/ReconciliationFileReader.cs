using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>One person of an external list: the normalized ID, the row and the mapped cells' text (null where empty).</summary>
public sealed class ReconciliationFileRow
{
    public required int SheetRowNumber { get; init; }
    public required string ResidentId { get; init; }
    public required string?[] Values { get; init; }

    public string? this[ReconciliationField field] => Values[(int)field];
}

public sealed class ReconciliationSheet
{
    public required ListHeader? Header { get; init; }
    public required IReadOnlyList<ReconciliationFileRow> Rows { get; init; }
    public required IReadOnlyList<RowError> Errors { get; init; }

    /// <summary>A file that could not be compared at all (no header, missing columns, unreadable).</summary>
    public bool Failed { get; init; }
}

/// <summary>
/// Reads an external list (国家系统导出, 医保, 民政, 教育, 残联 …) for 账账相符 through <see cref="PersonListReader"/>.
/// Two passes over the same stream: <see cref="ReadHeaderAsync"/> finds the header and proposes a mapping, then
/// <see cref="ReadAsync"/> reads the rows by the mapping the user confirmed. Only the mapped columns are kept. A bad or
/// repeated ID is a row error, never an exception.
/// </summary>
public static class ReconciliationFileReader
{
    private static readonly int FieldCount = Enum.GetValues<ReconciliationField>().Length;

    private static IReadOnlyList<string> IdHeaders => ReconciliationFields.Headers(ReconciliationField.ResidentId);

    /// <summary>The header row (the first with an ID column among the first rows of any sheet), or an error.</summary>
    public static Task<(ListHeader? Header, string? Error)> ReadHeaderAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        PersonListReader.ReadHeaderAsync(stream, fileName, IdHeaders, cancellationToken);

    /// <summary>The proposed column of each field: the saved header where the file has it, else the first header that names the field.</summary>
    public static Dictionary<ReconciliationField, string> Propose(ListHeader header, ReconciliationSourceKind kind,
        IReadOnlyDictionary<ReconciliationField, string>? saved) =>
        PersonListReader.Propose(header, ReconciliationFields.Mappable(kind), ReconciliationFields.Headers, saved);

    /// <summary>
    /// Reads the rows by <paramref name="mapping"/> (field → header). Missing required columns, or mapped headers the
    /// file lacks, fail the whole file with a message naming them.
    /// </summary>
    public static Task<ReconciliationSheet> ReadAsync(Stream stream, string fileName, IReadOnlyDictionary<ReconciliationField, string> mapping,
        IProgress<int>? rowsRead = null, CancellationToken cancellationToken = default)
    {
        var missing = ReconciliationFields.Required.Where(f => !mapping.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            return Task.FromResult(Failed($"缺少必需的列：{string.Join("、", missing.Select(f => f.Label()))}。请在“列对应关系”中指定"));
        }
        // ExcelDataReader is synchronous: keep a circuit or request thread free while it works.
        return Task.Run(() => Read(stream, fileName, mapping, rowsRead, cancellationToken), cancellationToken);
    }

    private static ReconciliationSheet Read(Stream stream, string fileName, IReadOnlyDictionary<ReconciliationField, string> mapping,
        IProgress<int>? progress, CancellationToken ct)
    {
        var errors = new ErrorList();
        var rows = new List<ReconciliationFileRow>();
        var idHeader = mapping[ReconciliationField.ResidentId];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var columns = mapping.Select(p => new PersonListReader.Column((int)p.Key, p.Value, p.Key.Label())).ToList();
        var (header, failure) = PersonListReader.Read(stream, fileName, IdHeaders, columns, FieldCount,
            (int)ReconciliationField.ResidentId, (int)ReconciliationField.Name, (n, values, raw) =>
            {
                if (raw is double)
                {
                    errors.Add(new RowError(n, idHeader, CellText.Display(raw), RegisterFileReader.IdStoredAsNumber));
                    return;
                }
                var idText = values[(int)ReconciliationField.ResidentId];
                if (idText is null)
                {
                    // A note line (合计, 填表人) has no ID and no name; a person without an ID cannot be compared.
                    if (values[(int)ReconciliationField.Name] is not null) errors.Add(new RowError(n, idHeader, null, "没有身份证号，无法比对"));
                    return;
                }
                if (ResidentId.Validate(idText, out var normalized) is { } idError)
                {
                    errors.Add(new RowError(n, idHeader, ResidentId.Mask(normalized), idError));
                    return;
                }
                if (seen.TryGetValue(normalized, out var first))
                {
                    errors.Add(new RowError(n, idHeader, ResidentId.Mask(normalized), $"身份证号与第{first}行重复，只比对第{first}行"));
                    return;
                }
                seen.Add(normalized, n);
                values[(int)ReconciliationField.ResidentId] = null;
                rows.Add(new ReconciliationFileRow { SheetRowNumber = n, ResidentId = normalized, Values = values });
                if (rows.Count % 1_000 == 0) progress?.Report(rows.Count);
            }, ct);
        if (failure is not null) return Failed(failure, header);
        progress?.Report(rows.Count);
        return new ReconciliationSheet { Header = header, Rows = rows, Errors = errors.Items.OrderBy(e => e.SheetRowNumber).ToList() };
    }

    private static ReconciliationSheet Failed(string message, ListHeader? header = null) => new()
    {
        Header = header, Rows = [], Errors = [new RowError(0, "", null, message)], Failed = true,
    };
}
