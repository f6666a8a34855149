using System.Globalization;
using PovertyPortal.Domain.Households;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>
/// Reads a household register file (.xlsx, .xls, .csv) into typed rows and row-level Chinese errors (issue 4).
/// Streams: one row at a time, nothing but the typed rows is kept. Never throws for a bad file; only cancellation
/// escapes (as <see cref="OperationCanceledException"/>).
/// </summary>
public static class RegisterFileReader
{
    /// <summary>How many errors are listed at most; past that one more error says the list was cut.</summary>
    public const int MaxErrors = 10_000;

    /// <summary>How many rows of each worksheet are searched for the header row.</summary>
    public const int HeaderSearchRows = 50;

    private const int ProgressEvery = 1_000;

    public const string IdStoredAsNumber = "证件号码被Excel存成了数字，后几位已丢失，请把该列设为文本后重新录入";
    public const string HouseholdNumberStoredAsNumber = "户编号被Excel存成了数字，后几位已丢失，请把该列设为文本后重新录入";

    /// <param name="stream">The file; need not be seekable (it is then copied to a temporary file first).</param>
    /// <param name="fileName">Its name, whose extension gives the format.</param>
    /// <param name="rowsRead">Told the number of rows read so far, every 1,000 rows and at the end.</param>
    public static async Task<RegisterSheet> ReadAsync(
        Stream stream, string fileName, IProgress<int>? rowsRead = null, CancellationToken cancellationToken = default)
    {
        var format = RowSources.FormatOf(fileName);
        if (format == RegisterFileFormat.Unknown)
        {
            var extension = Path.GetExtension(fileName);
            return Failed(extension.Length == 0
                ? "无法识别文件类型：文件名没有扩展名，请上传 .xlsx、.xls 或 .csv 文件"
                : $"不支持的文件类型“{extension}”：请上传 .xlsx、.xls 或 .csv 文件");
        }
        FileStream? temporary = null;
        try
        {
            var seekable = stream;
            if (!stream.CanSeek)
            {
                temporary = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
                    64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
                await stream.CopyToAsync(temporary, cancellationToken);
                temporary.Position = 0;
                seekable = temporary;
            }
            // ExcelDataReader is synchronous: keep a circuit or request thread free while it works.
            return await Task.Run(() => Read(seekable, format, rowsRead, cancellationToken), cancellationToken);
        }
        finally
        {
            if (temporary is not null) await temporary.DisposeAsync();
        }
    }

    private static RegisterSheet Failed(string message) => new()
    {
        Rows = [],
        Errors = [new RowError(0, "", null, message)],
        SheetName = "",
        HeaderRowNumber = 0,
    };

    private static RegisterSheet Read(Stream stream, RegisterFileFormat format, IProgress<int>? progress, CancellationToken ct)
    {
        var errors = new ErrorList();
        var warnings = new List<RowError>();
        var rows = new List<RegisterRow>();
        var sheetName = "";
        var headerRow = 0;
        var cellErrors = new HashSet<long>();
        int[]? map = null;
        try
        {
            using var source = RowSources.Open(stream, format);
            do
            {
                ct.ThrowIfCancellationRequested();
                map = FindHeader(source, out headerRow);
                if (map is not null) break;
            }
            while (source.NextSheet());
            if (map is null)
            {
                errors.Add(new RowError(0, "", null,
                    $"未找到表头行：应有一行同时写着“{string.Join("”“", RegisterColumns.HeaderMarkers)}”（已查看每个工作表的前{HeaderSearchRows}行）"));
                return Result();
            }
            sheetName = source.SheetName;
            var missing = RegisterColumns.Required.Where(name => map[(int)RegisterColumns.FieldOf(name)!.Value] < 0).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new RowError(headerRow, "", null, $"缺少必需的列：{string.Join("、", missing)}"));
                return Result();
            }

            var parser = new RowParser(map, errors, warnings, cellErrors);
            var seenIds = new Dictionary<string, int>(StringComparer.Ordinal);
            var afterHeader = true;
            var count = 0;
            while (source.Read())
            {
                ct.ThrowIfCancellationRequested();
                if (afterHeader)
                {
                    afterHeader = false;
                    if (MergeSubHeader(source, map)) continue;
                }
                var row = parser.Parse(source);
                if (row is null) continue;
                if (row.ResidentId is { } id)
                {
                    if (seenIds.TryGetValue(id.Value, out var firstRow))
                    {
                        errors.Add(new RowError(row.SheetRowNumber, RegisterColumns.ResidentId, id.Value,
                            $"证件号码与第{firstRow}行重复"));
                        cellErrors.Add(HouseholdChecks.Key(row.SheetRowNumber, RegisterField.ResidentId));
                    }
                    else seenIds.Add(id.Value, row.SheetRowNumber);
                }
                rows.Add(row);
                if (++count % ProgressEvery == 0) progress?.Report(count);
            }
            progress?.Report(count);
            RegisterHouseholds.Group(rows, new HouseholdChecks(errors, cellErrors, f => map[(int)f] >= 0));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var where = rows.Count > 0 ? $"读到第{rows[^1].SheetRowNumber}行之后出错" : "";
            errors.Add(new RowError(0, "", null,
                $"文件无法读取：{where}不是有效的{FormatName(format)}文件，或文件已损坏。请用Excel打开后另存为 .xlsx 再上传"));
        }
        return Result();

        RegisterSheet Result() => new()
        {
            Rows = rows,
            Errors = errors.Items.OrderBy(e => e.SheetRowNumber).ToList(),
            Warnings = warnings,
            SheetName = sheetName,
            HeaderRowNumber = map is null ? 0 : headerRow,
        };
    }

    private static string FormatName(RegisterFileFormat format) => format switch
    {
        RegisterFileFormat.Xlsx => " .xlsx ",
        RegisterFileFormat.Xls => " .xls ",
        _ => " .csv ",
    };

    /// <summary>The first row, among the first rows of the sheet, holding every header marker; field → column (or -1).</summary>
    internal static int[]? FindHeader(IRowSource source, out int headerRow)
    {
        headerRow = 0;
        while (source.RowNumber < HeaderSearchRows && source.Read())
        {
            var map = new int[RegisterColumns.All.Count];
            Array.Fill(map, -1);
            for (var c = 0; c < source.FieldCount; c++)
            {
                if (source.GetValue(c) is string text && RegisterColumns.FieldOf(text) is { } field && map[(int)field] < 0)
                {
                    map[(int)field] = c;
                }
            }
            if (map[(int)RegisterField.HouseholdNumber] >= 0 && map[(int)RegisterField.Name] >= 0 && map[(int)RegisterField.ResidentId] >= 0)
            {
                headerRow = source.RowNumber;
                return map;
            }
        }
        return null;
    }

    /// <summary>
    /// Two-row headers (参保情况 spanning three columns, the names below it): a row right under the header that names
    /// columns the header lacks supplies them, and is not data.
    /// </summary>
    private static bool MergeSubHeader(IRowSource source, int[] map)
    {
        var found = false;
        for (var c = 0; c < source.FieldCount; c++)
        {
            if (source.GetValue(c) is string text && RegisterColumns.FieldOf(text) is { } field && map[(int)field] < 0)
            {
                map[(int)field] = c;
                found = true;
            }
        }
        return found;
    }

    /// <summary>Turns the cells of one row into a <see cref="RegisterRow"/>, recording an error for each bad cell.</summary>
    private sealed class RowParser(int[] map, ErrorList errors, List<RowError> warnings, HashSet<long> cellErrors)
    {
        private readonly object?[] raw = new object?[map.Length];
        private int rowNumber;

        // Places, 民族, 文化程度 and 务工状况 repeat on most rows: one string each keeps a 100,000-row file ≈ 20 MB smaller.
        private readonly Dictionary<string, string> repeated = new(StringComparer.Ordinal);

        private static readonly string CategoryLabels = RegisterValues.LabelList<PovertyCategory>();
        private static readonly string CauseLabels = RegisterValues.LabelList<PovertyCause>();
        private static readonly string StatusLabels = RegisterValues.LabelList<HouseholdStatus>();
        private static readonly string MonitoringLabels = RegisterValues.LabelList<MonitoringType>();
        private static readonly string RelationshipLabels = RegisterValues.LabelList<Relationship>();
        private static readonly string GenderLabels = RegisterValues.LabelList<Gender>();
        private static readonly string SchoolingLabels = RegisterValues.LabelList<SchoolingStatus>();
        private static readonly string HealthLabels = RegisterValues.LabelList<HealthStatus>() + "（残疾可写等级，如“残疾（二级）”）";
        private static readonly string LabourLabels = RegisterValues.LabelList<LabourAbility>();

        /// <summary>Null for a row to skip: blank, or a note line (合计, 填表人 …) without 户编号, 姓名 and 证件号码.</summary>
        public RegisterRow? Parse(IRowSource source)
        {
            rowNumber = source.RowNumber;
            var filled = 0;
            for (var f = 0; f < map.Length; f++)
            {
                var value = map[f] >= 0 ? source.GetValue(map[f]) : null;
                if (value is string s && s.AsSpan().Trim().IsEmpty) value = null;
                raw[f] = value;
                if (value is not null) filled++;
            }
            if (filled == 0) return null;
            if (filled == 1 && raw[(int)RegisterField.HouseholdNumber] is null && raw[(int)RegisterField.Name] is null
                && raw[(int)RegisterField.ResidentId] is null)
            {
                return null;
            }

            var row = new RegisterRow { SheetRowNumber = rowNumber };
            row.County = Repeated(Text(RegisterField.County));
            row.Township = Repeated(Text(RegisterField.Township));
            row.Village = Repeated(Text(RegisterField.Village));
            row.VillageGroup = Repeated(Text(RegisterField.VillageGroup));
            row.HouseholdNumber = HouseholdNumber();
            row.Name = Text(RegisterField.Name);
            if (row.Name is null) Error(RegisterField.Name, "请填写姓名");
            row.ResidentId = ResidentIdOf();
            row.Relationship = Enum<Relationship>(RegisterField.Relationship, RegisterValues.TryParse, RelationshipLabels);
            if (row.Relationship is null && raw[(int)RegisterField.Relationship] is null) Error(RegisterField.Relationship, "请填写与户主关系");
            row.Gender = Enum<Gender>(RegisterField.Gender, RegisterValues.TryParse, GenderLabels);
            row.BirthDate = Date(RegisterField.BirthDate);
            row.Ethnicity = Repeated(Text(RegisterField.Ethnicity));
            row.EducationLevel = Repeated(Text(RegisterField.EducationLevel));
            row.SchoolingStatus = Enum<SchoolingStatus>(RegisterField.SchoolingStatus, RegisterValues.TryParse, SchoolingLabels);
            if (raw[(int)RegisterField.Health] is { } health)
            {
                if (RegisterValues.TryParse(Display(health), out HealthStatus h, out var grade))
                {
                    row.Health = h;
                    row.DisabilityGrade = grade;
                    if (h == HealthStatus.Disabled && grade is null && warnings.Count < MaxErrors)
                    {
                        warnings.Add(new RowError(rowNumber, RegisterColumns.Health, Display(health),
                            "未写残疾等级：按“残疾、等级不详”导入，请核实后在成员信息中补录等级"));
                    }
                }
                else Error(RegisterField.Health, $"“{Display(health)}”不是有效的健康状况，可填：{HealthLabels}");
            }
            row.LabourAbility = Enum<LabourAbility>(RegisterField.LabourAbility, RegisterValues.TryParse, LabourLabels);
            row.MigrantWorkPlace = Repeated(Text(RegisterField.MigrantWorkPlace));
            row.MigrantWorkMonths = Number(RegisterField.MigrantWorkMonths, 0, 12, "务工时间(月)应为0至12的整数");
            row.HasBasicMedicalInsurance = YesNo(RegisterField.BasicMedicalInsurance);
            row.HasSeriousIllnessInsurance = YesNo(RegisterField.SeriousIllnessInsurance);
            row.HasPensionInsurance = YesNo(RegisterField.PensionInsurance);
            row.Category = Enum<PovertyCategory>(RegisterField.PovertyCategory, RegisterValues.TryParse, CategoryLabels);
            row.PrimaryCause = Enum<PovertyCause>(RegisterField.PrimaryCause, RegisterValues.TryParse, CauseLabels);
            row.SecondaryCause = Enum<PovertyCause>(RegisterField.SecondaryCause, RegisterValues.TryParse, CauseLabels);
            row.IdentificationYear = Year(RegisterField.IdentificationYear);
            row.Status = Enum<HouseholdStatus>(RegisterField.Status, RegisterValues.TryParse, StatusLabels);
            row.ExitYear = Year(RegisterField.ExitYear);
            row.IsRelocated = YesNo(RegisterField.Relocated);
            row.MonitoringType = Enum<MonitoringType>(RegisterField.MonitoringType, RegisterValues.TryParse, MonitoringLabels);
            row.Phone = Phone();
            return row;
        }

        private static string? Display(object? value) => CellText.Display(value);

        private string? Repeated(string? text)
        {
            if (text is null) return null;
            if (repeated.TryGetValue(text, out var same)) return same;
            repeated.Add(text, text);
            return text;
        }

        private void Error(RegisterField field, string message)
        {
            errors.Add(new RowError(rowNumber, RegisterColumns.NameOf(field), Display(raw[(int)field]), message));
            cellErrors.Add(HouseholdChecks.Key(rowNumber, field));
        }

        private string? Text(RegisterField field) => raw[(int)field] switch
        {
            null => null,
            string s => CellText.Clean(s),
            var other => CellText.Display(other),
        };

        private delegate bool TryParser<T>(string? text, out T value);

        private T? Enum<T>(RegisterField field, TryParser<T> parse, string labels) where T : struct
        {
            var value = raw[(int)field];
            if (value is null) return null;
            var text = value as string ?? Display(value);
            if (parse(text, out var result)) return result;
            Error(field, $"“{CellText.Clean(text)}”不是有效的{RegisterColumns.NameOf(field)}，可填：{labels}");
            return null;
        }

        private DateOnly? Date(RegisterField field)
        {
            var value = raw[(int)field];
            if (value is null) return null;
            if (RegisterValues.TryParseDate(value, out var date)) return date;
            Error(field, $"“{Display(value)}”不是有效的日期：请写成 2019-03-05、2019/3/5、2019年3月5日 或 20190305");
            return null;
        }

        private bool? YesNo(RegisterField field)
        {
            var value = raw[(int)field];
            if (value is null) return null;
            if (RegisterValues.TryParseYesNo(value, out var yes)) return yes;
            Error(field, "请填写“是”或“否”（也可写 Y/N、1/0）");
            return null;
        }

        private int? Number(RegisterField field, int min, int max, string message)
        {
            var value = raw[(int)field];
            if (value is null) return null;
            if (RegisterValues.TryParseWholeNumber(value, out var n) && n >= min && n <= max) return n;
            Error(field, message);
            return null;
        }

        private int? Year(RegisterField field)
        {
            if (raw[(int)field] is DateTime dt && dt.Year is >= 1980 and <= 2100) return dt.Year;
            return Number(field, 1980, 2100, $"{RegisterColumns.NameOf(field)}应为四位年份，如 2016");
        }

        private string? HouseholdNumber()
        {
            var value = raw[(int)RegisterField.HouseholdNumber];
            switch (value)
            {
                case null:
                    Error(RegisterField.HouseholdNumber, "请填写户编号");
                    return null;
                case double d when Math.Abs(d) >= 1e15 || d != Math.Floor(d):
                    Error(RegisterField.HouseholdNumber, HouseholdNumberStoredAsNumber);
                    return null;
                case double d:
                    return CellText.FormatNumber(d);
                default:
                    var text = CellText.Compact(value as string ?? Display(value));
                    if (text is not null && LooksLikeScientific(text))
                    {
                        Error(RegisterField.HouseholdNumber, HouseholdNumberStoredAsNumber);
                        return null;
                    }
                    return text;
            }
        }

        private ResidentId? ResidentIdOf()
        {
            var value = raw[(int)RegisterField.ResidentId];
            if (value is double)
            {
                Error(RegisterField.ResidentId, IdStoredAsNumber);
                return null;
            }
            var text = value as string ?? Display(value);
            var message = Domain.Households.ResidentId.Validate(text, out var normalized);
            if (message is null) return Domain.Households.ResidentId.Parse(normalized);
            if (LooksLikeScientific(normalized)
                || (normalized.Length == 18 && normalized.EndsWith("000", StringComparison.Ordinal) && normalized.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') == false))
            {
                message = IdStoredAsNumber;
            }
            Error(RegisterField.ResidentId, message);
            return null;
        }

        /// <summary>4.21129E+17, 4.2112919720815E17: what Excel shows for a long number.</summary>
        private static bool LooksLikeScientific(string text)
        {
            var e = text.IndexOfAny(['E', 'e']);
            if (e <= 0 || e == text.Length - 1) return false;
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        }

        private string? Phone()
        {
            var value = raw[(int)RegisterField.Phone];
            if (value is null) return null;
            var text = CellText.Compact(value as string ?? Display(value));
            if (text is null) return null;
            var digits = 0;
            foreach (var c in text)
            {
                if (char.IsAsciiDigit(c)) digits++;
                else if (c is not ('-' or '+' or '(' or ')'))
                {
                    digits = -1;
                    break;
                }
            }
            if (digits is >= 7 and <= 13) return text;
            Error(RegisterField.Phone, "联系电话应为手机号（11位）或带区号的固定电话，只写一个号码");
            return null;
        }
    }
}
