using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Reconciliation;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>The header row of a file: its cells' text in column order (blank cells as "").</summary>
public sealed record ReconciliationHeader(string SheetName, int RowNumber, IReadOnlyList<string> Columns);

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
    public required ReconciliationHeader? Header { get; init; }
    public required IReadOnlyList<ReconciliationFileRow> Rows { get; init; }
    public required IReadOnlyList<RowError> Errors { get; init; }

    /// <summary>A file that could not be compared at all (no header, missing columns, unreadable).</summary>
    public bool Failed { get; init; }
}

/// <summary>
/// Reads an external list (国家系统导出, 医保, 民政, 教育, 残联 …) for 账账相符 with the register reader's row sources:
/// .xlsx, .xls and .csv in UTF-8 or GBK/GB18030, a header row anywhere in the first rows, cells cleaned the same way.
/// Two passes over the same stream: <see cref="ReadHeaderAsync"/> finds the header and proposes a mapping, then
/// <see cref="ReadAsync"/> reads the rows by the mapping the user confirmed. Only the mapped columns are kept. A bad or
/// repeated ID is a row error, never an exception.
/// </summary>
public static class ReconciliationFileReader
{
    private static readonly int FieldCount = Enum.GetValues<ReconciliationField>().Length;

    /// <summary>The header row (the first with an ID column among the first rows of any sheet), or an error.</summary>
    public static Task<(ReconciliationHeader? Header, string? Error)> ReadHeaderAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var format = RowSources.FormatOf(fileName);
        if (format == RegisterFileFormat.Unknown) return Task.FromResult<(ReconciliationHeader?, string?)>((null, UnknownFormat(fileName)));
        return Task.Run<(ReconciliationHeader?, string?)>(() =>
        {
            try
            {
                using var source = RowSources.Open(Seekable(stream), format);
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (FindHeader(source) is { } header) return (header, null);
                }
                while (source.NextSheet());
                return (null, $"未找到表头行：应有一行写着“身份证号”（或“证件号码”“公民身份号码”），已查看每个工作表的前{RegisterFileReader.HeaderSearchRows}行");
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (null, Unreadable);
            }
        }, cancellationToken);
    }

    /// <summary>The proposed column of each field: the saved header where the file has it, else the first header that names the field.</summary>
    public static Dictionary<ReconciliationField, string> Propose(ReconciliationHeader header, ReconciliationSourceKind kind,
        IReadOnlyDictionary<ReconciliationField, string>? saved)
    {
        var keys = header.Columns.Select(CellText.HeaderKey).ToList();
        var proposal = new Dictionary<ReconciliationField, string>();
        foreach (var field in ReconciliationFields.Mappable(kind))
        {
            if (saved is not null && saved.TryGetValue(field, out var kept) && header.Columns.Contains(kept))
            {
                proposal[field] = kept;
                continue;
            }
            foreach (var name in ReconciliationFields.Headers(field))
            {
                var index = keys.IndexOf(CellText.HeaderKey(name));
                if (index >= 0 && !proposal.ContainsValue(header.Columns[index]))
                {
                    proposal[field] = header.Columns[index];
                    break;
                }
            }
        }
        return proposal;
    }

    /// <summary>
    /// Reads the rows by <paramref name="mapping"/> (field → header). Missing required columns, or mapped headers the
    /// file lacks, fail the whole file with a message naming them.
    /// </summary>
    public static Task<ReconciliationSheet> ReadAsync(Stream stream, string fileName, IReadOnlyDictionary<ReconciliationField, string> mapping,
        IProgress<int>? rowsRead = null, CancellationToken cancellationToken = default)
    {
        var format = RowSources.FormatOf(fileName);
        if (format == RegisterFileFormat.Unknown) return Task.FromResult(Failed(UnknownFormat(fileName)));
        // ExcelDataReader is synchronous: keep a circuit or request thread free while it works.
        return Task.Run(() => Read(Seekable(stream), format, mapping, rowsRead, cancellationToken), cancellationToken);
    }

    private static ReconciliationSheet Read(Stream stream, RegisterFileFormat format, IReadOnlyDictionary<ReconciliationField, string> mapping,
        IProgress<int>? progress, CancellationToken ct)
    {
        var missing = ReconciliationFields.Required.Where(f => !mapping.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            return Failed($"缺少必需的列：{string.Join("、", missing.Select(f => f.Label()))}。请在“列对应关系”中指定");
        }
        var errors = new ErrorList();
        var rows = new List<ReconciliationFileRow>();
        ReconciliationHeader? header = null;
        try
        {
            using var source = RowSources.Open(stream, format);
            do
            {
                header = FindHeader(source);
                if (header is not null) break;
            }
            while (source.NextSheet());
            if (header is null) return Failed("未找到表头行：应有一行写着“身份证号”（或“证件号码”“公民身份号码”）");

            var columns = new int[FieldCount];
            Array.Fill(columns, -1);
            var absent = new List<string>();
            foreach (var (field, name) in mapping)
            {
                var index = IndexOf(header.Columns, name);
                if (index < 0) absent.Add($"{name}（{field.Label()}）");
                else columns[(int)field] = index;
            }
            if (absent.Count > 0)
            {
                return Failed($"文件中没有这些列：{string.Join("、", absent)}。请检查表头或重新选择列对应关系", header);
            }

            var idColumn = columns[(int)ReconciliationField.ResidentId];
            var idHeader = mapping[ReconciliationField.ResidentId];
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            // Village names, statuses and categories repeat on most rows: one string each.
            var repeated = new Dictionary<string, string>(StringComparer.Ordinal);
            var count = 0;
            while (source.Read())
            {
                ct.ThrowIfCancellationRequested();
                var values = new string?[FieldCount];
                var filled = 0;
                for (var f = 0; f < FieldCount; f++)
                {
                    if (columns[f] < 0) continue;
                    var text = Text(source.GetValue(columns[f]));
                    if (text is null) continue;
                    filled++;
                    values[f] = f == (int)ReconciliationField.Name || text.Length > 24 ? text
                        : repeated.TryGetValue(text, out var same) ? same : repeated[text] = text;
                }
                if (filled == 0) continue;
                var raw = source.GetValue(idColumn);
                var n = source.RowNumber;
                if (raw is double)
                {
                    errors.Add(new RowError(n, idHeader, CellText.Display(raw), RegisterFileReader.IdStoredAsNumber));
                    continue;
                }
                var idText = values[(int)ReconciliationField.ResidentId];
                if (idText is null)
                {
                    // A note line (合计, 填表人) has no ID and no name; a person without an ID cannot be compared.
                    if (values[(int)ReconciliationField.Name] is not null) errors.Add(new RowError(n, idHeader, null, "没有身份证号，无法比对"));
                    continue;
                }
                if (ResidentId.Validate(idText, out var normalized) is { } idError)
                {
                    errors.Add(new RowError(n, idHeader, ResidentId.Mask(normalized), idError));
                    continue;
                }
                if (seen.TryGetValue(normalized, out var first))
                {
                    errors.Add(new RowError(n, idHeader, ResidentId.Mask(normalized), $"身份证号与第{first}行重复，只比对第{first}行"));
                    continue;
                }
                seen.Add(normalized, n);
                values[(int)ReconciliationField.ResidentId] = null;
                rows.Add(new ReconciliationFileRow { SheetRowNumber = n, ResidentId = normalized, Values = values });
                if (++count % 1_000 == 0) progress?.Report(count);
            }
            progress?.Report(count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Failed(Unreadable, header);
        }
        return new ReconciliationSheet { Header = header, Rows = rows, Errors = errors.Items.OrderBy(e => e.SheetRowNumber).ToList() };
    }

    private const string Unreadable = "文件无法读取：不是有效的表格文件，或文件已损坏。请用Excel打开后另存为 .xlsx 再上传";

    private static string UnknownFormat(string fileName) =>
        $"不支持的文件类型“{Path.GetExtension(fileName)}”：请上传 .xlsx、.xls 或 .csv 文件";

    private static ReconciliationSheet Failed(string message, ReconciliationHeader? header = null) => new()
    {
        Header = header, Rows = [], Errors = [new RowError(0, "", null, message)], Failed = true,
    };

    private static Stream Seekable(Stream stream)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
            return stream;
        }
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static string? Text(object? raw) => raw switch
    {
        null => null,
        string s => CellText.Clean(s),
        var other => CellText.Display(other),
    };

    private static int IndexOf(IReadOnlyList<string> columns, string header)
    {
        var key = CellText.HeaderKey(header);
        for (var i = 0; i < columns.Count; i++)
        {
            if (CellText.HeaderKey(columns[i]) == key) return i;
        }
        return -1;
    }

    private static ReconciliationHeader? FindHeader(IRowSource source)
    {
        var idKeys = ReconciliationFields.Headers(ReconciliationField.ResidentId).Select(CellText.HeaderKey).ToHashSet();
        while (source.RowNumber < RegisterFileReader.HeaderSearchRows && source.Read())
        {
            var columns = new string[source.FieldCount];
            var hasId = false;
            for (var c = 0; c < source.FieldCount; c++)
            {
                var text = source.GetValue(c) is string s ? CellText.Clean(s) ?? "" : "";
                columns[c] = text;
                if (idKeys.Contains(CellText.HeaderKey(text))) hasId = true;
            }
            if (hasId) return new ReconciliationHeader(source.SheetName, source.RowNumber, columns);
        }
        return null;
    }
}
