using PovertyPortal.Documents.Spreadsheets;

namespace PovertyPortal.Web.Features.Dashboard;

/// <summary>A table of the dashboard as it is exported: a title line, a header and rows of text or numbers.</summary>
public sealed record DashboardTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    /// <summary>Writes the table as a one-sheet .xlsx (title in row 1, header in row 2, numbers as numbers).</summary>
    public void WriteXlsx(Stream destination)
    {
        var columns = Headers.Select((h, i) => new XlsxColumn(i == 0 ? 18 : Math.Max(10, h.Length * 2.2 + 2))).ToArray();
        using var writer = new XlsxSheetWriter(destination, SheetName(Title), columns, frozenRows: 2);
        writer.WriteRow(1, [new XlsxCell(Title)]);
        writer.WriteRow(2, Headers.Select(h => new XlsxCell(h, XlsxStyle.Header)).ToArray());
        var row = 2;
        foreach (var values in Rows)
        {
            writer.WriteRow(++row, values.Select(v => new XlsxCell(v)).ToArray());
        }
    }

    /// <summary>Excel refuses sheet names over 31 characters or with []:*?/\.</summary>
    private static string SheetName(string title)
    {
        var name = new string(title.Where(c => !"[]:*?/\\".Contains(c)).ToArray());
        return name.Length > 31 ? name[..31] : name;
    }
}
