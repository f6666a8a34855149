using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>The few cell formats the register workbooks need.</summary>
public enum XlsxStyle
{
    Default,

    /// <summary>Bold on blue, bordered, centred and wrapped.</summary>
    Header,

    /// <summary>Number format @: Excel keeps what is typed as text (ID numbers, phone numbers).</summary>
    Text,

    /// <summary>yyyy-mm-dd.</summary>
    Date,

    /// <summary>Dark red on yellow, wrapped: the 错误说明 cells.</summary>
    ErrorNote,

    /// <summary>Yellow fill: a cell that has an error.</summary>
    Bad,
}

/// <summary>A cell to write: string (as text), a number, DateTime/DateOnly (as a date), bool, or null (skipped).</summary>
public readonly record struct XlsxCell(object? Value, XlsxStyle Style = XlsxStyle.Default);

/// <summary>A column's width in characters and the format of its empty cells.</summary>
public readonly record struct XlsxColumn(double Width, XlsxStyle Style = XlsxStyle.Default);

/// <summary>
/// Writes a one-sheet .xlsx row by row straight into a zip opened for creation: memory stays flat whatever the
/// number of rows, and the destination need not be seekable. Strings are written inline (no shared-string table).
/// </summary>
public sealed class XlsxSheetWriter : IDisposable
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private readonly ZipArchive zip;
    private readonly string sheetName;
    private readonly Stream sheetStream;
    private readonly XmlWriter xml;
    private readonly List<(int Column, string[] Values, int FirstRow, int LastRow)> lists = [];
    private int lastRow;
    private bool disposed;

    /// <param name="frozenRows">Rows kept in view while scrolling (the header), 0 for none.</param>
    public XlsxSheetWriter(Stream destination, string sheetName, IReadOnlyList<XlsxColumn> columns, int frozenRows = 0)
    {
        zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8);
        this.sheetName = sheetName;
        sheetStream = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        xml = XmlWriter.Create(sheetStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
        xml.WriteStartDocument(true);
        xml.WriteStartElement("worksheet", Main);
        if (frozenRows > 0)
        {
            xml.WriteStartElement("sheetViews", Main);
            xml.WriteStartElement("sheetView", Main);
            xml.WriteAttributeString("workbookViewId", "0");
            xml.WriteStartElement("pane", Main);
            xml.WriteAttributeString("ySplit", frozenRows.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("topLeftCell", "A" + (frozenRows + 1).ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("activePane", "bottomLeft");
            xml.WriteAttributeString("state", "frozen");
            xml.WriteEndElement();
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        if (columns.Count > 0)
        {
            xml.WriteStartElement("cols", Main);
            for (var i = 0; i < columns.Count; i++)
            {
                var index = (i + 1).ToString(CultureInfo.InvariantCulture);
                xml.WriteStartElement("col", Main);
                xml.WriteAttributeString("min", index);
                xml.WriteAttributeString("max", index);
                xml.WriteAttributeString("width", columns[i].Width.ToString(CultureInfo.InvariantCulture));
                xml.WriteAttributeString("customWidth", "1");
                if (columns[i].Style != XlsxStyle.Default) xml.WriteAttributeString("style", StyleIndex(columns[i].Style));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteStartElement("sheetData", Main);
    }

    /// <summary>Writes row <paramref name="rowNumber"/> (1-based, greater than the last one written); cell i goes to column i.</summary>
    public void WriteRow(int rowNumber, ReadOnlySpan<XlsxCell> cells)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (rowNumber <= lastRow) throw new ArgumentOutOfRangeException(nameof(rowNumber), "rows must be written in increasing order");
        lastRow = rowNumber;
        var r = rowNumber.ToString(CultureInfo.InvariantCulture);
        xml.WriteStartElement("row", Main);
        xml.WriteAttributeString("r", r);
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i];
            if (cell.Value is null && cell.Style == XlsxStyle.Default) continue;
            xml.WriteStartElement("c", Main);
            xml.WriteAttributeString("r", ColumnName(i) + r);
            var style = cell.Style;
            switch (cell.Value)
            {
                case null:
                    break;
                case string s:
                    xml.WriteAttributeString("t", "inlineStr");
                    WriteStyle(style);
                    xml.WriteStartElement("is", Main);
                    xml.WriteStartElement("t", Main);
                    var text = XmlSafe(s);
                    if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                    {
                        xml.WriteAttributeString("xml", "space", null, "preserve");
                    }
                    xml.WriteString(text);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                    style = XlsxStyle.Default;
                    break;
                case bool b:
                    xml.WriteAttributeString("t", "b");
                    WriteStyle(style);
                    xml.WriteElementString("v", Main, b ? "1" : "0");
                    style = XlsxStyle.Default;
                    break;
                case DateTime or DateOnly:
                    var date = cell.Value is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : (DateTime)cell.Value;
                    WriteStyle(style == XlsxStyle.Default ? XlsxStyle.Date : style);
                    xml.WriteElementString("v", Main, date.ToOADate().ToString("R", CultureInfo.InvariantCulture));
                    style = XlsxStyle.Default;
                    break;
                case IConvertible number:
                    WriteStyle(style);
                    xml.WriteElementString("v", Main, number.ToDouble(CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture));
                    style = XlsxStyle.Default;
                    break;
                default:
                    throw new ArgumentException($"cannot write a {cell.Value.GetType().Name} to a cell", nameof(cells));
            }
            if (cell.Value is null) WriteStyle(style);
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>A drop-down of <paramref name="values"/> on a column (0-based) for the given rows; other values stay allowed.</summary>
    public void AddList(int column, IEnumerable<string> values, int firstRow, int lastRow) =>
        lists.Add((column, values.ToArray(), firstRow, lastRow));

    private void WriteStyle(XlsxStyle style)
    {
        if (style != XlsxStyle.Default) xml.WriteAttributeString("s", StyleIndex(style));
    }

    private static string StyleIndex(XlsxStyle style) => ((int)style).ToString(CultureInfo.InvariantCulture);

    /// <summary>A, B … Z, AA … for a 0-based column.</summary>
    public static string ColumnName(int index)
    {
        Span<char> buffer = stackalloc char[4];
        var n = 0;
        index++;
        while (index > 0)
        {
            var rem = (index - 1) % 26;
            buffer[n++] = (char)('A' + rem);
            index = (index - 1) / 26;
        }
        buffer[..n].Reverse();
        return new string(buffer[..n]);
    }

    /// <summary>Drops the characters XML cannot hold (control characters from a damaged file), keeps at most 32,767.</summary>
    private static string XmlSafe(string s)
    {
        var clean = true;
        foreach (var c in s)
        {
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c)) { clean = false; break; }
        }
        if (!clean)
        {
            var sb = new StringBuilder(s.Length);
            foreach (var c in s)
            {
                if (XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)) sb.Append(c);
            }
            s = sb.ToString();
        }
        return s.Length > 32_767 ? s[..32_767] : s;
    }

    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        xml.WriteEndElement(); // sheetData
        if (lists.Count > 0)
        {
            xml.WriteStartElement("dataValidations", Main);
            xml.WriteAttributeString("count", lists.Count.ToString(CultureInfo.InvariantCulture));
            foreach (var (column, values, first, last) in lists)
            {
                var name = ColumnName(column);
                xml.WriteStartElement("dataValidation", Main);
                xml.WriteAttributeString("type", "list");
                xml.WriteAttributeString("allowBlank", "1");
                xml.WriteAttributeString("showInputMessage", "1");
                xml.WriteAttributeString("showErrorMessage", "0");
                xml.WriteAttributeString("sqref", string.Create(CultureInfo.InvariantCulture, $"{name}{first}:{name}{last}"));
                xml.WriteElementString("formula1", Main, "\"" + string.Join(",", values) + "\"");
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement(); // worksheet
        xml.WriteEndDocument();
        xml.Dispose();
        sheetStream.Dispose();

        Part("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        using (var entry = zip.CreateEntry("xl/workbook.xml", CompressionLevel.Fastest).Open())
        using (var w = XmlWriter.Create(entry, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            w.WriteStartDocument(true);
            w.WriteStartElement("workbook", Main);
            w.WriteAttributeString("xmlns", "r", null, Relationships);
            w.WriteStartElement("sheets", Main);
            w.WriteStartElement("sheet", Main);
            w.WriteAttributeString("name", SheetNameSafe(sheetName));
            w.WriteAttributeString("sheetId", "1");
            w.WriteAttributeString("id", Relationships, "rId1");
            w.WriteEndElement();
            w.WriteEndElement();
            w.WriteEndElement();
        }
        // cellXfs in the order of XlsxStyle.
        Part("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\-mm\-dd"/></numFmts><fonts count="3"><font><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><b/><sz val="11"/><name val="宋体"/><charset val="134"/></font><font><sz val="11"/><color rgb="FF9C0006"/><name val="宋体"/><charset val="134"/></font></fonts><fills count="4"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFEB9C"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="6"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="49" fontId="1" fillId="2" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="2" fillId="3" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="3" borderId="0" xfId="0" applyFill="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
            """);
        zip.Dispose();
    }

    private void Part(string name, string content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        entry.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Sheet names: at most 31 characters, none of \ / ? * [ ] :.</summary>
    private static string SheetNameSafe(string name)
    {
        var cleaned = new string(name.Where(c => c is not ('\\' or '/' or '?' or '*' or '[' or ']' or ':')).ToArray()).Trim('\'');
        if (cleaned.Length == 0) cleaned = "Sheet1";
        return cleaned.Length > 31 ? cleaned[..31] : cleaned;
    }
}
