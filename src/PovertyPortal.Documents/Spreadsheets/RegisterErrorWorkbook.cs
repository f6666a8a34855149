namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>
/// The register given back with its errors: every row of the register's worksheet at its own row number (so
/// "第12行" still points at it), each bad cell in yellow and a 错误说明 column after the last used column saying what
/// to fix. Always a new .xlsx, whatever the source format; cell values and types are kept, formatting and merged
/// title cells are not. Streams both ways; only the errors are held in memory.
/// </summary>
public static class RegisterErrorWorkbook
{
    public const string SheetName = "错误说明";

    public static void Write(Stream source, string fileName, IEnumerable<RowError> errors, Stream destination)
    {
        var byRow = new Dictionary<int, List<RowError>>();
        foreach (var error in errors)
        {
            if (!byRow.TryGetValue(error.SheetRowNumber, out var list)) byRow[error.SheetRowNumber] = list = [];
            list.Add(error);
        }
        var format = RowSources.FormatOf(fileName);
        FileStream? temporary = null;
        try
        {
            var seekable = source;
            if (!source.CanSeek)
            {
                temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
                source.CopyTo(temporary);
                seekable = temporary;
            }
            seekable.Position = 0;
            Layout? layout = null;
            if (format != RegisterFileFormat.Unknown)
            {
                try
                {
                    layout = Survey(seekable, format);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    layout = null;
                }
            }
            if (layout is null)
            {
                WriteErrorsOnly(byRow, destination);
                return;
            }
            seekable.Position = 0;
            WriteSheet(seekable, format, layout, byRow, destination);
        }
        finally
        {
            temporary?.Dispose();
        }
    }

    public static Task WriteAsync(Stream source, string fileName, IEnumerable<RowError> errors, Stream destination, CancellationToken cancellationToken = default) =>
        Task.Run(() => Write(source, fileName, errors, destination), cancellationToken);

    private sealed record Layout(int SheetIndex, string SheetName, int HeaderRow, int NoteColumn, Dictionary<string, int> Columns);

    /// <summary>First pass: which sheet, which header row, where each known column is, and the last used column.</summary>
    private static Layout? Survey(Stream stream, RegisterFileFormat format)
    {
        using var source = RowSources.Open(stream, format);
        var sheet = 0;
        int[]? map;
        int headerRow;
        do
        {
            map = RegisterFileReader.FindHeader(source, out headerRow);
            if (map is not null) break;
            sheet++;
        }
        while (source.NextSheet());
        if (map is null) return null;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var f = 0; f < map.Length; f++)
        {
            if (map[f] >= 0) columns[RegisterColumns.All[f]] = map[f];
        }
        var last = columns.Values.Max();
        while (source.Read())
        {
            for (var c = source.FieldCount - 1; c > last; c--)
            {
                if (source.GetValue(c) is not null and not "") { last = c; break; }
            }
        }
        return new Layout(sheet, source.SheetName, headerRow, last + 1, columns);
    }

    private static void WriteSheet(Stream stream, RegisterFileFormat format, Layout layout, Dictionary<int, List<RowError>> byRow, Stream destination)
    {
        using var source = RowSources.Open(stream, format);
        for (var i = 0; i < layout.SheetIndex; i++) source.NextSheet();
        var widths = new XlsxColumn[layout.NoteColumn + 1];
        for (var c = 0; c < layout.NoteColumn; c++) widths[c] = new XlsxColumn(12);
        if (layout.Columns.TryGetValue(RegisterColumns.ResidentId, out var idColumn)) widths[idColumn] = new XlsxColumn(22, XlsxStyle.Text);
        if (layout.Columns.TryGetValue(RegisterColumns.HouseholdNumber, out var numberColumn)) widths[numberColumn] = new XlsxColumn(20, XlsxStyle.Text);
        widths[layout.NoteColumn] = new XlsxColumn(60);
        using var writer = new XlsxSheetWriter(destination, layout.SheetName.Length > 0 ? layout.SheetName : SheetName, widths, frozenRows: layout.HeaderRow);
        var cells = new XlsxCell[layout.NoteColumn + 1];
        var fileErrors = byRow.GetValueOrDefault(0);
        while (source.Read())
        {
            var row = source.RowNumber;
            Array.Clear(cells);
            var any = false;
            for (var c = 0; c < layout.NoteColumn; c++)
            {
                var value = Cell(source.GetValue(c));
                cells[c] = new XlsxCell(value);
                any |= value is not null;
            }
            byRow.TryGetValue(row, out var rowErrors);
            if (row == layout.HeaderRow)
            {
                var note = RegisterColumns.ErrorNote;
                var headerErrors = (fileErrors ?? []).Concat(rowErrors ?? []).Select(e => e.Message).ToList();
                if (headerErrors.Count > 0) note += "\n" + string.Join("\n", headerErrors);
                cells[layout.NoteColumn] = new XlsxCell(note, XlsxStyle.Header);
            }
            else if (rowErrors is not null)
            {
                foreach (var error in rowErrors)
                {
                    if (layout.Columns.TryGetValue(error.Column, out var column) && column < layout.NoteColumn)
                    {
                        cells[column] = cells[column] with { Style = XlsxStyle.Bad };
                    }
                }
                cells[layout.NoteColumn] = new XlsxCell(Note(rowErrors), XlsxStyle.ErrorNote);
            }
            if (any || rowErrors is not null || row == layout.HeaderRow) writer.WriteRow(row, cells);
        }
    }

    /// <summary>When the file could not be read at all: one sheet with the messages.</summary>
    private static void WriteErrorsOnly(Dictionary<int, List<RowError>> byRow, Stream destination)
    {
        using var writer = new XlsxSheetWriter(destination, SheetName, [new XlsxColumn(12), new XlsxColumn(80)], frozenRows: 1);
        writer.WriteRow(1, [new XlsxCell("行号", XlsxStyle.Header), new XlsxCell(RegisterColumns.ErrorNote, XlsxStyle.Header)]);
        var r = 2;
        foreach (var (row, list) in byRow.OrderBy(p => p.Key))
        {
            writer.WriteRow(r++, [new XlsxCell(row > 0 ? row : null), new XlsxCell(Note(list), XlsxStyle.ErrorNote)]);
        }
    }

    /// <summary>“证件号码”：…；“性别”：… — one line per error.</summary>
    private static string Note(List<RowError> errors) =>
        string.Join("\n", errors.Select(e => e.Column.Length > 0 ? $"“{e.Column}”：{e.Message}" : e.Message));

    private static object? Cell(object? value) => value switch
    {
        null => null,
        string s => s.Length == 0 ? null : s,
        double or DateTime or bool => value,
        _ => CellText.Display(value),
    };
}
