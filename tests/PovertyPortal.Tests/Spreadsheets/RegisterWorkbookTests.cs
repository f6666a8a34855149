using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using ExcelDataReader;
using PovertyPortal.Documents.Spreadsheets;
using static PovertyPortal.Tests.Spreadsheets.RegisterFiles;

namespace PovertyPortal.Tests.Spreadsheets;

public class RegisterWorkbookTests
{
    /// <summary>Every row of the first sheet as ExcelDataReader sees it, keyed by 1-based row number.</summary>
    private static Dictionary<int, object?[]> Cells(byte[] xlsx)
    {
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(xlsx));
        var rows = new Dictionary<int, object?[]>();
        var r = 0;
        while (reader.Read())
        {
            r++;
            var values = new object?[reader.FieldCount];
            for (var c = 0; c < values.Length; c++) values[c] = reader.GetValue(c);
            if (values.Any(v => v is not null)) rows[r] = values;
        }
        return rows;
    }

    private static async Task<byte[]> ErrorWorkbook(byte[] file, string name)
    {
        var sheet = await Read(file, name);
        Assert.NotEmpty(sheet.Errors);
        using var output = new MemoryStream();
        RegisterErrorWorkbook.Write(new MemoryStream(file), name, sheet.Errors, output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("register.xlsx")]
    [InlineData("register.csv")]
    public async Task The_error_workbook_has_the_same_rows_and_a_note_on_each_bad_row(string name)
    {
        var spouse = Spouse();
        spouse[RegisterColumns.ResidentId] = "4.21122E+17";
        var son = Son();
        son[RegisterColumns.Gender] = "男孩";
        son[RegisterColumns.BirthDate] = "2008-02-30";
        var rows = Sheet(Head(), spouse, son);
        var file = name.EndsWith(".csv", StringComparison.Ordinal) ? Csv(rows, Gb18030, bom: false) : Xlsx(rows);

        var cells = Cells(await ErrorWorkbook(file, name));

        var note = RegisterColumns.All.Count;
        Assert.Equal("示范村建档立卡贫困人口花名册", cells[1][0]);
        Assert.Equal(RegisterColumns.ErrorNote, cells[4][note]);
        Assert.Equal(RegisterColumns.All, cells[4].Take(note).Cast<string>());
        Assert.Null(cells[5][note]);
        Assert.Equal("张三", cells[5][5]);
        Assert.Equal(HeadId, cells[5][6]);
        Assert.Equal("“证件号码”：证件号码被Excel存成了数字，后几位已丢失，请把该列设为文本后重新录入", cells[6][note]);
        var sonNote = Assert.IsType<string>(cells[7][note]);
        Assert.Contains("“性别”：“男孩”不是有效的性别", sonNote, StringComparison.Ordinal);
        Assert.Contains("“出生日期”：“2008-02-30”不是有效的日期", sonNote, StringComparison.Ordinal);
        Assert.False(cells.ContainsKey(3));
    }

    [Fact]
    public async Task The_error_workbook_of_an_xls_is_an_xlsx_and_marks_the_bad_cell()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Spreadsheets", "Fixtures", "register.xls");
        var file = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var errors = new[] { new RowError(5, RegisterColumns.Gender, "女", "示例错误") };
        using var output = new MemoryStream();
        RegisterErrorWorkbook.Write(new MemoryStream(file), "register.xls", errors, output);

        var cells = Cells(output.ToArray());
        Assert.Equal("“性别”：示例错误", cells[5][RegisterColumns.All.Count]);
        using var document = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var cell = sheet.Descendants<Cell>().Single(c => c.CellReference == "I5");
        Assert.Equal((uint)XlsxStyle.Bad, cell.StyleIndex!.Value);
    }

    [Fact]
    public async Task An_unreadable_file_gives_a_workbook_of_its_messages()
    {
        var sheet = await Read("not a workbook"u8.ToArray(), "bad.xlsx");
        using var output = new MemoryStream();
        RegisterErrorWorkbook.Write(new MemoryStream("not a workbook"u8.ToArray()), "bad.xlsx", sheet.Errors, output);
        var cells = Cells(output.ToArray());
        Assert.Equal(RegisterColumns.ErrorNote, cells[1][1]);
        Assert.StartsWith("文件无法读取", (string)cells[2][1]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrected_error_workbook_imports_again()
    {
        var son = Son();
        son[RegisterColumns.Gender] = "男孩";
        var file = Xlsx(Sheet(Head(), Spouse(), son));
        var workbook = await ErrorWorkbook(file, "register.xlsx");
        var again = await Read(workbook, "register.xlsx");
        Assert.Equal(3, again.Rows.Count);
        Assert.Equal([7], again.Errors.Select(e => e.SheetRowNumber));
    }

    [Fact]
    public async Task The_template_has_the_header_in_template_order_and_text_format_on_ids_and_phones()
    {
        using var output = new MemoryStream();
        RegisterTemplate.Write(output);
        var bytes = output.ToArray();

        var cells = Cells(bytes);
        Assert.Equal(RegisterColumns.All, cells[1].Cast<string>());
        Assert.Single(cells);

        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var workbook = document.WorkbookPart!;
        Assert.Equal(RegisterTemplate.SheetName, workbook.Workbook.Descendants<Sheet>().Single().Name?.Value);
        var formats = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        var columns = workbook.WorksheetParts.Single().Worksheet.Descendants<Column>().ToList();
        Assert.Equal(RegisterColumns.All.Count, columns.Count);
        uint NumberFormatOf(string header)
        {
            var index = RegisterColumns.All.ToList().IndexOf(header) + 1;
            var column = columns.Single(c => c.Min!.Value == index);
            Assert.True(column.Width!.Value >= 8);
            return column.Style is null ? 0 : formats[(int)column.Style.Value].NumberFormatId!.Value;
        }
        Assert.Equal(49u, NumberFormatOf(RegisterColumns.ResidentId));
        Assert.Equal(49u, NumberFormatOf(RegisterColumns.Phone));
        Assert.Equal(49u, NumberFormatOf(RegisterColumns.HouseholdNumber));
        Assert.Equal(0u, NumberFormatOf(RegisterColumns.Name));
        var headerStyle = workbook.WorksheetParts.Single().Worksheet.Descendants<Cell>().First().StyleIndex!.Value;
        Assert.True(formats[(int)headerStyle].ApplyFont?.Value);

        var template = await Read(bytes, "模板.xlsx");
        Assert.Empty(template.Errors);
        Assert.Equal(1, template.HeaderRowNumber);
        Assert.Empty(template.Rows);
    }

    [Theory]
    [InlineData(0, "A")]
    [InlineData(25, "Z")]
    [InlineData(26, "AA")]
    [InlineData(28, "AC")]
    [InlineData(701, "ZZ")]
    [InlineData(702, "AAA")]
    public void Column_names(int index, string name) => Assert.Equal(name, XlsxSheetWriter.ColumnName(index));
}
