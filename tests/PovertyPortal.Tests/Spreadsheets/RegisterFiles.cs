using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Spreadsheets;

namespace PovertyPortal.Tests.Spreadsheets;

/// <summary>Builds register files in memory, as Excel would write them (shared strings, date-formatted numbers).</summary>
internal static class RegisterFiles
{
    public static readonly string HeadId = ResidentId.Create("421122", new DateOnly(1972, 8, 15), 123, Gender.Male).Value;
    public static readonly string SpouseId = ResidentId.Create("421122", new DateOnly(1975, 3, 2), 224, Gender.Female).Value;
    public static readonly string SonId = ResidentId.Create("421122", new DateOnly(2008, 11, 20), 317, Gender.Male).Value;

    public static Dictionary<string, object?> Head() => new()
    {
        [RegisterColumns.County] = "红安县",
        [RegisterColumns.Township] = "七里坪镇",
        [RegisterColumns.Village] = "示范村",
        [RegisterColumns.VillageGroup] = "一组",
        [RegisterColumns.HouseholdNumber] = "421122000100001",
        [RegisterColumns.Name] = "张三",
        [RegisterColumns.ResidentId] = HeadId,
        [RegisterColumns.Relationship] = "户主",
        [RegisterColumns.Gender] = "男",
        [RegisterColumns.BirthDate] = "1972-08-15",
        [RegisterColumns.Ethnicity] = "汉族",
        [RegisterColumns.EducationLevel] = "初中",
        [RegisterColumns.SchoolingStatus] = "非在校",
        [RegisterColumns.Health] = "健康",
        [RegisterColumns.LabourAbility] = "普通劳动力",
        [RegisterColumns.MigrantWorkPlace] = "省外务工",
        [RegisterColumns.MigrantWorkMonths] = "10",
        [RegisterColumns.BasicMedicalInsurance] = "是",
        [RegisterColumns.SeriousIllnessInsurance] = "是",
        [RegisterColumns.PensionInsurance] = "否",
        [RegisterColumns.PovertyCategory] = "一般贫困户",
        [RegisterColumns.PrimaryCause] = "因病",
        [RegisterColumns.SecondaryCause] = "缺技术",
        [RegisterColumns.IdentificationYear] = "2014",
        [RegisterColumns.Status] = "已脱贫",
        [RegisterColumns.ExitYear] = "2016",
        [RegisterColumns.Relocated] = "否",
        [RegisterColumns.MonitoringType] = null,
        [RegisterColumns.Phone] = "13800138000",
    };

    /// <summary>A member row: person columns only, household-level columns left empty (filled on the head's row).</summary>
    public static Dictionary<string, object?> Member(string name, string id, string relationship, string gender, string birth)
    {
        var row = Head();
        foreach (var column in RegisterColumns.All.Where(RegisterColumns.IsHouseholdLevel)) row[column] = null;
        row[RegisterColumns.Name] = name;
        row[RegisterColumns.ResidentId] = id;
        row[RegisterColumns.Relationship] = relationship;
        row[RegisterColumns.Gender] = gender;
        row[RegisterColumns.BirthDate] = birth;
        row[RegisterColumns.Health] = "长期慢性病";
        row[RegisterColumns.MigrantWorkPlace] = null;
        row[RegisterColumns.MigrantWorkMonths] = null;
        return row;
    }

    public static Dictionary<string, object?> Spouse() => Member("李四", SpouseId, "配偶", "女", "1975/3/2");

    public static Dictionary<string, object?> Son()
    {
        var row = Member("张小明", SonId, "之子", "男", "2008年11月20日");
        row[RegisterColumns.SchoolingStatus] = "初中";
        row[RegisterColumns.Health] = "健康";
        row[RegisterColumns.LabourAbility] = "无劳动力";
        return row;
    }

    public static readonly object?[] Title = ["示范村建档立卡贫困人口花名册"];
    public static readonly object?[] DateLine = ["填报日期：2020年12月31日", null, null, "单位：人"];

    /// <summary>Sheet rows: title, date line, blank row 3, header row 4, then the people.</summary>
    public static List<object?[]?> Sheet(IReadOnlyList<string> order, params Dictionary<string, object?>[] people)
    {
        var rows = new List<object?[]?> { Title, DateLine, null, order.Cast<object?>().ToArray() };
        rows.AddRange(people.Select(p => order.Select(c => p.GetValueOrDefault(c)).ToArray()));
        return rows;
    }

    public static List<object?[]?> Sheet(params Dictionary<string, object?>[] people) => Sheet(RegisterColumns.All, people);

    /// <summary>
    /// An .xlsx: strings as shared strings, doubles as numbers, DateTime as date-formatted serials, bool as booleans.
    /// A null row is left out (a blank row). The title is merged over A1:H1.
    /// </summary>
    public static byte[] Xlsx(IEnumerable<object?[]?> rows, string sheetName = "花名册", bool coverSheet = false)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = new Stylesheet(
                new Fonts(new Font()),
                new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })),
                new Borders(new Border()),
                new CellFormats(new CellFormat(), new CellFormat { NumberFormatId = 14, ApplyNumberFormat = true }));
            var strings = workbook.AddNewPart<SharedStringTablePart>();
            strings.SharedStringTable = new SharedStringTable();
            var index = new Dictionary<string, int>();
            var sheets = new Sheets();
            uint sheetId = 1;
            if (coverSheet)
            {
                var cover = workbook.AddNewPart<WorksheetPart>();
                cover.Worksheet = new Worksheet(new SheetData(new Row(Cell("A1", "填表说明：本表由村委会填写", strings, index)) { RowIndex = 1 }));
                sheets.Append(new Sheet { Id = workbook.GetIdOfPart(cover), SheetId = sheetId++, Name = "说明" });
            }
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            uint r = 0;
            foreach (var values in rows)
            {
                r++;
                if (values is null) continue;
                var row = new Row { RowIndex = r };
                for (var c = 0; c < values.Length; c++)
                {
                    if (values[c] is null) continue;
                    row.Append(Cell(XlsxSheetWriter.ColumnName(c) + r, values[c]!, strings, index));
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data, new MergeCells(new MergeCell { Reference = "A1:H1" }));
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = sheetId, Name = sheetName });
            workbook.Workbook.Append(sheets);
        }
        return stream.ToArray();
    }

    private static Cell Cell(string reference, object value, SharedStringTablePart strings, Dictionary<string, int> index) => value switch
    {
        string s => new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(SharedString(s, strings, index)) },
        double d => new Cell { CellReference = reference, CellValue = new CellValue(d) },
        int i => new Cell { CellReference = reference, CellValue = new CellValue(i) },
        DateTime dt => new Cell { CellReference = reference, StyleIndex = 1, CellValue = new CellValue(dt.ToOADate()) },
        bool b => new Cell { CellReference = reference, DataType = CellValues.Boolean, CellValue = new CellValue(b ? "1" : "0") },
        _ => throw new ArgumentException(value.GetType().Name),
    };

    private static int SharedString(string s, SharedStringTablePart strings, Dictionary<string, int> index)
    {
        if (index.TryGetValue(s, out var i)) return i;
        strings.SharedStringTable.Append(new SharedStringItem(new Text(s) { Space = SpaceProcessingModeValues.Preserve }));
        return index[s] = index.Count;
    }

    /// <summary>A .csv as Excel writes it: comma-separated, fields quoted when they need it.</summary>
    public static byte[] Csv(IEnumerable<object?[]?> rows, Encoding encoding, bool bom)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            if (row is not null)
            {
                text.Append(string.Join(",", row.Select(v => v switch
                {
                    null => "",
                    string s when s.IndexOfAny([',', '"', '\n']) >= 0 => "\"" + s.Replace("\"", "\"\"") + "\"",
                    _ => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
                })));
            }
            text.Append("\r\n");
        }
        var body = encoding.GetBytes(text.ToString());
        return bom ? [.. encoding.GetPreamble(), .. body] : body;
    }

    /// <summary>Taken from the provider without registering it, so that the reader's own registration is what is tested.</summary>
    public static Encoding Gb18030 => CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    public static Task<RegisterSheet> Read(byte[] file, string name = "register.xlsx", IProgress<int>? progress = null) =>
        RegisterFileReader.ReadAsync(new MemoryStream(file), name, progress, TestContext.Current.CancellationToken);

    public static Task<RegisterSheet> ReadRow(Dictionary<string, object?> person) => Read(Xlsx(Sheet(person)));
}
