using System.Text;
using ExcelDataReader;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>The rows of a file one at a time, whatever its format; cells as string, double, DateTime, bool or null.</summary>
internal interface IRowSource : IDisposable
{
    string SheetName { get; }

    /// <summary>Moves to the next row; false at the end of the sheet.</summary>
    bool Read();

    /// <summary>1-based number of the current row as Excel shows it.</summary>
    int RowNumber { get; }

    int FieldCount { get; }

    object? GetValue(int index);

    /// <summary>Moves to the next worksheet; false when there is none (always false for .csv).</summary>
    bool NextSheet();
}

internal enum RegisterFileFormat
{
    Unknown,
    Xlsx,
    Xls,
    Csv,
}

internal static class RowSources
{
    /// <summary>
    /// GB18030 (a superset of GBK and GB2312): what Chinese Excel writes a .csv in by default. Getting it registers
    /// the framework's code pages (CodePagesEncodingProvider, part of .NET), which .xls files need as well.
    /// </summary>
    public static Encoding Gb18030 { get; } = RegisterCodePages();

    private static Encoding RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    public static RegisterFileFormat FormatOf(string fileName) =>
        Path.GetExtension(fileName).ToUpperInvariant() switch
        {
            ".XLSX" or ".XLSM" => RegisterFileFormat.Xlsx,
            ".XLS" => RegisterFileFormat.Xls,
            ".CSV" => RegisterFileFormat.Csv,
            _ => RegisterFileFormat.Unknown,
        };

    /// <summary>Opens a seekable stream; the caller disposes the source, the stream stays open.</summary>
    public static IRowSource Open(Stream stream, RegisterFileFormat format)
    {
        var fallback = Gb18030; // first: ExcelReaderConfiguration's constructor already asks for code page 1252
        var config = new ExcelReaderConfiguration { LeaveOpen = true, FallbackEncoding = fallback };
        return format switch
        {
            RegisterFileFormat.Xlsx => new ExcelRowSource(ExcelReaderFactory.CreateOpenXmlReader(stream, config)),
            RegisterFileFormat.Xls => new ExcelRowSource(ExcelReaderFactory.CreateBinaryReader(stream, config)),
            RegisterFileFormat.Csv => new CsvRowSource(stream),
            _ => throw new NotSupportedException(),
        };
    }

    /// <summary>BOM → UTF-8 (or UTF-16); else the whole content decodes as strict UTF-8 → UTF-8; else GB18030. Rewinds.</summary>
    public static Encoding DetectCsvEncoding(Stream stream)
    {
        var start = stream.Position;
        Span<byte> bom = stackalloc byte[3];
        var n = stream.ReadAtLeast(bom, 3, throwOnEndOfStream: false);
        stream.Position = start;
        if (n >= 3 && bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF) return Encoding.UTF8;
        if (n >= 2 && bom[0] == 0xFF && bom[1] == 0xFE) return Encoding.Unicode;
        if (n >= 2 && bom[0] == 0xFE && bom[1] == 0xFF) return Encoding.BigEndianUnicode;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[64 * 1024];
        var chars = new char[64 * 1024 + 4];
        try
        {
            int read;
            while ((read = stream.Read(bytes, 0, bytes.Length)) > 0)
            {
                decoder.GetChars(bytes, 0, read, chars, 0, flush: false);
            }
            decoder.GetChars(bytes, 0, 0, chars, 0, flush: true);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
        finally
        {
            stream.Position = start;
        }
    }
}

internal sealed class ExcelRowSource(IExcelDataReader reader) : IRowSource
{
    private int row;

    public string SheetName => reader.Name ?? "";

    public int RowNumber => row;

    public int FieldCount => reader.FieldCount;

    public bool Read()
    {
        if (!reader.Read()) return false;
        row++;
        return true;
    }

    public object? GetValue(int index) => index < reader.FieldCount ? reader.GetValue(index) : null;

    public bool NextSheet()
    {
        if (!reader.NextResult()) return false;
        row = 0;
        return true;
    }

    public void Dispose() => reader.Dispose();
}

/// <summary>RFC 4180 records: comma-separated, fields in double quotes may hold commas, quotes ("") and line breaks.</summary>
internal sealed class CsvRowSource : IRowSource
{
    private readonly StreamReader text;
    private readonly List<string?> fields = new(32);
    private readonly StringBuilder field = new();
    private int row;

    public CsvRowSource(Stream stream)
    {
        var encoding = RowSources.DetectCsvEncoding(stream);
        text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
    }

    public string SheetName => "";

    public int RowNumber => row;

    public int FieldCount => fields.Count;

    public object? GetValue(int index) => index < fields.Count ? fields[index] : null;

    public bool NextSheet() => false;

    public bool Read()
    {
        fields.Clear();
        field.Clear();
        var c = text.Read();
        if (c < 0) return false;
        row++;
        var quoted = false;
        var wasQuoted = false;
        while (true)
        {
            if (c < 0)
            {
                EndField(wasQuoted);
                return true;
            }
            var ch = (char)c;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (text.Peek() == '"') { text.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append(ch);
            }
            else if (ch == '"' && field.Length == 0 && !wasQuoted)
            {
                quoted = true;
                wasQuoted = true;
            }
            else if (ch == ',')
            {
                EndField(wasQuoted);
                wasQuoted = false;
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && text.Peek() == '\n') text.Read();
                EndField(wasQuoted);
                return true;
            }
            else field.Append(ch);
            c = text.Read();
        }
    }

    private void EndField(bool wasQuoted)
    {
        fields.Add(field.Length == 0 && !wasQuoted ? null : field.ToString());
        field.Clear();
    }

    public void Dispose() => text.Dispose();
}
