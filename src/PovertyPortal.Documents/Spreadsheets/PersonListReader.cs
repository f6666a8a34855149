namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>The header row of a list of people: its cells' text in column order (blank cells as "").</summary>
public sealed record ListHeader(string SheetName, int RowNumber, IReadOnlyList<string> Columns);

/// <summary>
/// What the lists from outside the portal share (账账相符's lists, the departments' monthly feeds): the register
/// reader's row sources (.xlsx, .xls, .csv in UTF-8 or GBK/GB18030), a header row found by its ID column among the first
/// rows of any sheet, a mapping of fields to headers proposed from the saved one or from known header names, and the
/// mapped cells of each row cleaned the same way. What a row must hold, and what a bad ID means, is the caller's.
/// </summary>
internal static class PersonListReader
{
    public const string Unreadable = "文件无法读取：不是有效的表格文件，或文件已损坏。请用Excel打开后另存为 .xlsx 再上传";

    public static string UnknownFormat(string fileName) =>
        $"不支持的文件类型“{Path.GetExtension(fileName)}”：请上传 .xlsx、.xls 或 .csv 文件";

    public static string NoHeader(bool saySearched) =>
        "未找到表头行：应有一行写着“身份证号”（或“证件号码”“公民身份号码”）"
        + (saySearched ? $"，已查看每个工作表的前{RegisterFileReader.HeaderSearchRows}行" : "");

    public static Task<(ListHeader? Header, string? Error)> ReadHeaderAsync(Stream stream, string fileName, IReadOnlyList<string> idHeaders,
        CancellationToken cancellationToken)
    {
        var format = RowSources.FormatOf(fileName);
        if (format == RegisterFileFormat.Unknown) return Task.FromResult<(ListHeader?, string?)>((null, UnknownFormat(fileName)));
        return Task.Run<(ListHeader?, string?)>(() =>
        {
            try
            {
                using var source = RowSources.Open(Seekable(stream), format);
                do
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (FindHeader(source, idHeaders) is { } header) return (header, null);
                }
                while (source.NextSheet());
                return (null, NoHeader(saySearched: true));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return (null, Unreadable);
            }
        }, cancellationToken);
    }

    /// <summary>The proposed column of each field: the saved header where the file has it, else the first header that names the field.</summary>
    public static Dictionary<TField, string> Propose<TField>(ListHeader header, IEnumerable<TField> fields, Func<TField, IReadOnlyList<string>> headersOf,
        IReadOnlyDictionary<TField, string>? saved) where TField : notnull
    {
        var keys = header.Columns.Select(CellText.HeaderKey).ToList();
        var proposal = new Dictionary<TField, string>();
        foreach (var field in fields)
        {
            if (saved is not null && saved.TryGetValue(field, out var kept) && header.Columns.Contains(kept))
            {
                proposal[field] = kept;
                continue;
            }
            foreach (var name in headersOf(field))
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

    /// <summary>A mapped column: the field's index in the caller's value array, the file's header, and the field's name for messages.</summary>
    public readonly record struct Column(int Field, string Header, string Label);

    /// <summary>One row with at least one mapped cell filled: its number, the mapped cells' text (null where empty) and the raw ID cell.</summary>
    public delegate void RowHandler(int rowNumber, string?[] values, object? rawId);

    /// <summary>
    /// Finds the header, resolves <paramref name="columns"/> against it and hands every row with a filled mapped cell to
    /// <paramref name="onRow"/>. Returns the header and, when the file cannot be read as mapped, the message that says why.
    /// Short texts (village names, statuses) repeat on most rows and are kept as one string each, except the field
    /// <paramref name="uniqueField"/> (the name).
    /// </summary>
    public static (ListHeader? Header, string? Failure) Read(Stream stream, string fileName, IReadOnlyList<string> idHeaders,
        IReadOnlyList<Column> columns, int fieldCount, int idField, int uniqueField, RowHandler onRow, CancellationToken ct)
    {
        var format = RowSources.FormatOf(fileName);
        if (format == RegisterFileFormat.Unknown) return (null, UnknownFormat(fileName));
        ListHeader? header = null;
        try
        {
            using var source = RowSources.Open(Seekable(stream), format);
            do
            {
                header = FindHeader(source, idHeaders);
                if (header is not null) break;
            }
            while (source.NextSheet());
            if (header is null) return (null, NoHeader(saySearched: false));

            var indexes = new int[fieldCount];
            Array.Fill(indexes, -1);
            var absent = new List<string>();
            foreach (var column in columns)
            {
                var index = IndexOf(header.Columns, column.Header);
                if (index < 0) absent.Add($"{column.Header}（{column.Label}）");
                else indexes[column.Field] = index;
            }
            if (absent.Count > 0) return (header, $"文件中没有这些列：{string.Join("、", absent)}。请检查表头或重新选择列对应关系");

            var repeated = new Dictionary<string, string>(StringComparer.Ordinal);
            while (source.Read())
            {
                ct.ThrowIfCancellationRequested();
                var values = new string?[fieldCount];
                var filled = 0;
                for (var f = 0; f < fieldCount; f++)
                {
                    if (indexes[f] < 0) continue;
                    var text = Text(source.GetValue(indexes[f]));
                    if (text is null) continue;
                    filled++;
                    values[f] = f == uniqueField || text.Length > 24 ? text
                        : repeated.TryGetValue(text, out var same) ? same : repeated[text] = text;
                }
                if (filled == 0) continue;
                onRow(source.RowNumber, values, indexes[idField] >= 0 ? source.GetValue(indexes[idField]) : null);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return (header, Unreadable);
        }
        return (header, null);
    }

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

    private static ListHeader? FindHeader(IRowSource source, IReadOnlyList<string> idHeaders)
    {
        var idKeys = idHeaders.Select(CellText.HeaderKey).ToHashSet();
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
            if (hasId) return new ListHeader(source.SheetName, source.RowNumber, columns);
        }
        return null;
    }
}
