using System.Globalization;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>One row of a benefit (政策享受) file, typed; null where the cell was empty or wrong (then an error says why).</summary>
public sealed class BenefitRow
{
    public int SheetRowNumber { get; internal set; }
    public string? HouseholdNumber { get; internal set; }
    public ResidentId? ResidentId { get; internal set; }
    public string? Program { get; internal set; }
    public int? Year { get; internal set; }
    public decimal? Amount { get; internal set; }
    public decimal? Quantity { get; internal set; }
    public string? Unit { get; internal set; }
    public DateOnly? PaidOn { get; internal set; }
    public string? Note { get; internal set; }
}

public sealed class BenefitSheet
{
    public required IReadOnlyList<BenefitRow> Rows { get; init; }
    public required IReadOnlyList<RowError> Errors { get; init; }
}

/// <summary>
/// Reads a benefit file (.xlsx, .xls, .csv) with the register reader's row sources, cell cleaning and date reading:
/// columns 户编号, 证件号码, 项目, 年度, 金额, 数量, 单位, 发放日期, 备注 in any order, a header row anywhere in the first
/// rows, row-level Chinese errors. What the rows mean (does the household exist, is the program known) is the
/// importer's business.
/// </summary>
public static class BenefitFileReader
{
    public const string HouseholdNumber = "户编号";
    public const string ResidentIdColumn = "证件号码";
    public const string Program = "项目";
    public const string Year = "年度";
    public const string Amount = "金额";
    public const string Quantity = "数量";
    public const string Unit = "单位";
    public const string PaidOn = "发放日期";
    public const string Note = "备注";

    public static IReadOnlyList<string> Columns { get; } = [HouseholdNumber, ResidentIdColumn, Program, Year, Amount, Quantity, Unit, PaidOn, Note];

    private static readonly string[] Required = [HouseholdNumber, Program, Year, Amount];

    /// <summary>Other headers people write for the same column.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["身份证号"] = ResidentIdColumn, ["身份证号码"] = ResidentIdColumn, ["公民身份号码"] = ResidentIdColumn,
        ["项目名称"] = Program, ["政策项目"] = Program, ["年份"] = Year, ["金额(元)"] = Amount, ["金额元"] = Amount,
        ["发放时间"] = PaidOn, ["日期"] = PaidOn,
    };

    public static async Task<BenefitSheet> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        var format = RowSources.FormatOf(fileName);
        if (format == RegisterFileFormat.Unknown)
        {
            return new BenefitSheet { Rows = [], Errors = [new RowError(0, "", null, "不支持的文件类型：请上传 .xlsx、.xls 或 .csv 文件")] };
        }
        var seekable = stream;
        if (!stream.CanSeek)
        {
            // Benefit files are small (a row per benefit of one village or township): memory will do.
            seekable = new MemoryStream();
            await stream.CopyToAsync(seekable, cancellationToken);
            seekable.Position = 0;
        }
        return await Task.Run(() => Read(seekable, format, cancellationToken), cancellationToken);
    }

    private static BenefitSheet Read(Stream stream, RegisterFileFormat format, CancellationToken ct)
    {
        var errors = new ErrorList();
        var rows = new List<BenefitRow>();
        try
        {
            using var source = RowSources.Open(stream, format);
            Dictionary<string, int>? map = null;
            do
            {
                map = FindHeader(source);
                if (map is not null) break;
            }
            while (source.NextSheet());
            if (map is null)
            {
                errors.Add(new RowError(0, "", null, $"未找到表头行：应有一行写着“{string.Join("”“", Required)}”（已查看每个工作表的前{RegisterFileReader.HeaderSearchRows}行）"));
                return Result();
            }
            var missing = Required.Where(c => !map.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new RowError(source.RowNumber, "", null, $"缺少必需的列：{string.Join("、", missing)}"));
                return Result();
            }
            while (source.Read())
            {
                ct.ThrowIfCancellationRequested();
                var row = Parse(source, map, errors);
                if (row is not null) rows.Add(row);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            errors.Add(new RowError(0, "", null, "文件无法读取：不是有效的表格文件，或文件已损坏。请用Excel打开后另存为 .xlsx 再上传"));
        }
        return Result();

        BenefitSheet Result() => new() { Rows = rows, Errors = errors.Items.OrderBy(e => e.SheetRowNumber).ToList() };
    }

    private static Dictionary<string, int>? FindHeader(IRowSource source)
    {
        while (source.RowNumber < RegisterFileReader.HeaderSearchRows && source.Read())
        {
            var map = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var c = 0; c < source.FieldCount; c++)
            {
                if (source.GetValue(c) is not string text || CellText.Compact(text) is not { } key) continue;
                key = key.Replace("（", "(").Replace("）", ")");
                var column = Columns.Contains(key) ? key : Aliases.GetValueOrDefault(key);
                if (column is not null) map.TryAdd(column, c);
            }
            if (map.ContainsKey(HouseholdNumber) && map.ContainsKey(Program) && map.ContainsKey(Amount)) return map;
        }
        return null;
    }

    private static BenefitRow? Parse(IRowSource source, Dictionary<string, int> map, ErrorList errors)
    {
        object? Raw(string column) => map.TryGetValue(column, out var c) ? source.GetValue(c) : null;
        string? Text(string column) => Raw(column) switch
        {
            string s => CellText.Clean(s),
            null => null,
            var other => CellText.Display(other),
        };
        var n = source.RowNumber;
        if (Columns.All(c => Text(c) is null)) return null; // blank row

        var row = new BenefitRow { SheetRowNumber = n, Program = Text(Program), Unit = Text(Unit), Note = Text(Note) };
        void Error(string column, string message) => errors.Add(new RowError(n, column, Text(column), message));

        switch (Raw(HouseholdNumber))
        {
            case double:
                Error(HouseholdNumber, RegisterFileReader.HouseholdNumberStoredAsNumber);
                break;
            case var raw when Text(HouseholdNumber) is { } number:
                row.HouseholdNumber = ResidentId.Normalize(number);
                break;
            default:
                Error(HouseholdNumber, "请填写户编号");
                break;
        }
        if (Raw(ResidentIdColumn) is double) Error(ResidentIdColumn, RegisterFileReader.IdStoredAsNumber);
        else if (Text(ResidentIdColumn) is { } idText)
        {
            if (ResidentId.TryParse(idText, out var id, out var idError)) row.ResidentId = id;
            else Error(ResidentIdColumn, idError ?? "证件号码无效");
        }
        if (row.Program is null) Error(Program, "请填写项目");
        if (Text(Year) is null) Error(Year, "请填写年度");
        else if (RegisterValues.TryParseWholeNumber(Raw(Year), out var year) && year is >= PortalYears.FirstRegisterYear and <= 2100) row.Year = year;
        else Error(Year, "年度应为四位数年份，如2018");
        if (Text(Amount) is null) Error(Amount, "请填写金额（实物或服务填0）");
        else if (TryParseDecimal(Raw(Amount), out var amount) && amount >= 0) row.Amount = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        else Error(Amount, "金额应为不小于0的数字（单位：元）");
        if (Text(Quantity) is not null)
        {
            if (TryParseDecimal(Raw(Quantity), out var quantity) && quantity > 0) row.Quantity = quantity;
            else Error(Quantity, "数量应为大于0的数字");
            if (row.Unit is null) Error(Unit, "填写了数量，请同时填写单位");
        }
        if (Text(PaidOn) is not null)
        {
            if (RegisterValues.TryParseDate(Raw(PaidOn), out var paid)) row.PaidOn = paid;
            else Error(PaidOn, "日期格式无法识别，请写成2018-06-30");
        }
        if (row.Note is { Length: > 200 }) Error(Note, "备注不能超过200个字");
        return row;
    }

    /// <summary>Numbers as cells or as text: 1500, 1,500.00, １５００, 1500元, 21亩.</summary>
    internal static bool TryParseDecimal(object? raw, out decimal value)
    {
        value = 0;
        switch (raw)
        {
            case double d when !double.IsNaN(d) && Math.Abs(d) < 1e12:
                value = Math.Round((decimal)d, 4);
                return true;
            case string s when CellText.Compact(s) is { } key:
                key = key.Replace(",", "").TrimEnd('元', '亩', '月', '个', '人', '户');
                return decimal.TryParse(key, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
            default:
                return false;
        }
    }
}
