using System.Text;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Spreadsheets;
using static PovertyPortal.Tests.Spreadsheets.RegisterFiles;

namespace PovertyPortal.Tests.Spreadsheets;

public class RegisterFileReaderTests
{
    private static void AssertFamily(RegisterSheet sheet)
    {
        Assert.Empty(sheet.Errors);
        Assert.Equal(4, sheet.HeaderRowNumber);
        Assert.Equal([5, 6, 7], sheet.Rows.Select(r => r.SheetRowNumber));
        var head = sheet.Rows[0];
        Assert.Equal("红安县", head.County);
        Assert.Equal("七里坪镇", head.Township);
        Assert.Equal("示范村", head.Village);
        Assert.Equal("一组", head.VillageGroup);
        Assert.Equal("421122000100001", head.HouseholdNumber);
        Assert.Equal("张三", head.Name);
        Assert.Equal(HeadId, head.ResidentId?.Value);
        Assert.Equal(Relationship.Head, head.Relationship);
        Assert.Equal(Gender.Male, head.Gender);
        Assert.Equal(new DateOnly(1972, 8, 15), head.BirthDate);
        Assert.Equal("汉族", head.Ethnicity);
        Assert.Equal("初中", head.EducationLevel);
        Assert.Equal(SchoolingStatus.NotInSchool, head.SchoolingStatus);
        Assert.Equal(HealthStatus.Healthy, head.Health);
        Assert.Equal(LabourAbility.Ordinary, head.LabourAbility);
        Assert.Equal("省外务工", head.MigrantWorkPlace);
        Assert.Equal(10, head.MigrantWorkMonths);
        Assert.True(head.HasBasicMedicalInsurance);
        Assert.True(head.HasSeriousIllnessInsurance);
        Assert.False(head.HasPensionInsurance);
        Assert.Equal(PovertyCategory.General, head.Category);
        Assert.Equal(PovertyCause.Illness, head.PrimaryCause);
        Assert.Equal(PovertyCause.LackOfSkills, head.SecondaryCause);
        Assert.Equal(2014, head.IdentificationYear);
        Assert.Equal(HouseholdStatus.Exited, head.Status);
        Assert.Equal(2016, head.ExitYear);
        Assert.False(head.IsRelocated);
        Assert.Null(head.MonitoringType);
        Assert.Equal("13800138000", head.Phone);
        var spouse = sheet.Rows[1];
        Assert.Equal((Relationship.Spouse, Gender.Female, new DateOnly(1975, 3, 2)), (spouse.Relationship!.Value, spouse.Gender!.Value, spouse.BirthDate!.Value));
        Assert.Null(spouse.Category);
        var son = sheet.Rows[2];
        Assert.Equal((SchoolingStatus.JuniorHigh, new DateOnly(2008, 11, 20)), (son.SchoolingStatus!.Value, son.BirthDate!.Value));
    }

    [Fact]
    public async Task Xlsx_with_title_rows_a_blank_row_and_a_merged_title_reads_typed_rows()
    {
        var sheet = await Read(Xlsx(Sheet(Head(), Spouse(), Son())));
        AssertFamily(sheet);
        Assert.Equal("花名册", sheet.SheetName);
    }

    [Theory]
    [InlineData("utf8-bom")]
    [InlineData("utf8")]
    [InlineData("gb18030")]
    public async Task Csv_in_utf8_with_or_without_bom_or_gb18030_reads_the_same(string encoding)
    {
        var rows = Sheet(Head(), Spouse(), Son());
        var bytes = encoding switch
        {
            "utf8-bom" => Csv(rows, new UTF8Encoding(false), bom: true),
            "utf8" => Csv(rows, new UTF8Encoding(false), bom: false),
            _ => Csv(rows, Gb18030, bom: false),
        };
        var sheet = await Read(bytes, "花名册.CSV");
        AssertFamily(sheet);
        Assert.Equal("", sheet.SheetName);
    }

    [Fact]
    public async Task Csv_quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var head = Head();
        head[RegisterColumns.MigrantWorkPlace] = "省外务工,\"广东\"\n东莞";
        var sheet = await Read(Csv(Sheet(head), Encoding.UTF8, bom: false), "a.csv");
        Assert.Empty(sheet.Errors);
        Assert.Equal("省外务工,\"广东\"\n东莞", sheet.Rows[0].MigrantWorkPlace);
    }

    [Fact]
    public async Task Old_xls_made_by_LibreOffice_reads()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Spreadsheets", "Fixtures", "register.xls");
        var sheet = await Read(await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken), "register.xls");
        Assert.Empty(sheet.Errors);
        Assert.Equal(3, sheet.HeaderRowNumber);
        Assert.Equal(2, sheet.Rows.Count);
        Assert.Equal("421122197208151233", sheet.Rows[0].ResidentId?.Value);
        Assert.Equal("42112219750302224X", sheet.Rows[1].ResidentId?.Value);
        Assert.Equal((Relationship.Spouse, HealthStatus.ChronicIllness), (sheet.Rows[1].Relationship!.Value, sheet.Rows[1].Health!.Value));
        Assert.Equal(new DateOnly(1975, 3, 2), sheet.Rows[1].BirthDate);
        Assert.Equal(PovertyCategory.General, RegisterHouseholds.Group(sheet).Single().Category);
    }

    [Fact]
    public async Task Columns_in_another_order_extra_columns_and_a_cover_sheet_are_fine()
    {
        var order = new List<string> { "序号" };
        order.AddRange(RegisterColumns.All.Reverse());
        order.Insert(10, "备注");
        var rows = Sheet(order, Head(), Spouse(), Son());
        for (var i = 4; i < rows.Count; i++) rows[i]![0] = (double)(i - 3);
        var sheet = await Read(Xlsx(rows, coverSheet: true));
        AssertFamily(sheet);
    }

    [Fact]
    public async Task Header_names_are_trimmed_full_width_normalized_and_may_wrap_or_carry_a_star()
    {
        var order = RegisterColumns.All.Select(c => c switch
        {
            RegisterColumns.County => "县（市、区）",
            RegisterColumns.Name => " 姓 名 ",
            RegisterColumns.MigrantWorkMonths => "务工时间\n（月）",
            RegisterColumns.ResidentId => "*证件号码",
            _ => c,
        }).ToList();
        var rows = Sheet(order, Head());
        rows[3] = order.Cast<object?>().ToArray();
        var sheet = await Read(Xlsx(Sheet(RegisterColumns.All, Head()).Select((r, i) => i == 3 ? order.Cast<object?>().ToArray() : r)));
        Assert.Empty(sheet.Errors);
        Assert.Equal("红安县", sheet.Rows[0].County);
        Assert.Equal(10, sheet.Rows[0].MigrantWorkMonths);
    }

    [Fact]
    public async Task A_two_row_header_takes_the_names_of_the_second_row()
    {
        var top = RegisterColumns.All.Cast<object?>().ToArray();
        var bottom = new object?[top.Length];
        foreach (var column in new[] { RegisterColumns.BasicMedicalInsurance, RegisterColumns.SeriousIllnessInsurance, RegisterColumns.PensionInsurance })
        {
            var i = RegisterColumns.All.ToList().IndexOf(column);
            bottom[i] = column;
            top[i] = null;
        }
        top[RegisterColumns.All.ToList().IndexOf(RegisterColumns.BasicMedicalInsurance)] = "参保情况";
        var rows = Sheet(Head());
        rows[3] = top;
        rows.Insert(4, bottom);
        var sheet = await Read(Xlsx(rows));
        Assert.Empty(sheet.Errors);
        Assert.Equal(6, sheet.Rows.Single().SheetRowNumber);
        Assert.Equal((true, true, false), (sheet.Rows[0].HasBasicMedicalInsurance!.Value, sheet.Rows[0].HasSeriousIllnessInsurance!.Value, sheet.Rows[0].HasPensionInsurance!.Value));
    }

    [Fact]
    public async Task Cells_are_trimmed_and_full_width_digits_and_letters_become_half_width()
    {
        var head = Head();
        head[RegisterColumns.Name] = "\u3000张三 ";
        head[RegisterColumns.ResidentId] = " " + string.Concat(HeadId.Select(c => (char)(c + 0xFEE0))) + " ";
        head[RegisterColumns.HouseholdNumber] = "４２１１２２０００１０００01";
        head[RegisterColumns.VillageGroup] = "３组";
        head[RegisterColumns.Phone] = "１３８００１３８０００";
        head[RegisterColumns.PovertyCategory] = " 一般贫困户\u3000";
        head[RegisterColumns.MigrantWorkMonths] = "１０";
        var row = (await ReadRow(head)).Rows.Single();
        Assert.Equal("张三", row.Name);
        Assert.Equal(HeadId, row.ResidentId?.Value);
        Assert.Equal("421122000100001", row.HouseholdNumber);
        Assert.Equal("3组", row.VillageGroup);
        Assert.Equal("13800138000", row.Phone);
        Assert.Equal(PovertyCategory.General, row.Category);
        Assert.Equal(10, row.MigrantWorkMonths);
    }

    [Fact]
    public async Task An_id_with_a_lowercase_x_is_normalized()
    {
        var head = Head();
        head[RegisterColumns.ResidentId] = SpouseId.ToLowerInvariant();
        head[RegisterColumns.Gender] = "女";
        Assert.Equal(SpouseId, (await ReadRow(head)).Rows.Single().ResidentId?.Value);
    }

    [Theory]
    [InlineData("2019-03-05")]
    [InlineData("2019/3/5")]
    [InlineData("2019年3月5日")]
    [InlineData("20190305")]
    [InlineData("2019.3.5")]
    [InlineData("２０１９－０３－０５")]
    [InlineData("2019/3/5 0:00")]
    [InlineData(" 2019-3-5 ")]
    public async Task Dates_as_text_in_every_accepted_form(string text)
    {
        var head = Head();
        head[RegisterColumns.BirthDate] = text;
        var sheet = await ReadRow(head);
        Assert.Empty(sheet.Errors);
        Assert.Equal(new DateOnly(2019, 3, 5), sheet.Rows.Single().BirthDate);
    }

    [Fact]
    public async Task Dates_as_excel_serials_and_date_cells()
    {
        var serial = Head();
        serial[RegisterColumns.BirthDate] = 43529d; // 2019-03-05
        var dated = Head();
        dated[RegisterColumns.BirthDate] = new DateTime(2019, 3, 5);
        Assert.Equal(new DateOnly(2019, 3, 5), (await ReadRow(serial)).Rows.Single().BirthDate);
        Assert.Equal(new DateOnly(2019, 3, 5), (await ReadRow(dated)).Rows.Single().BirthDate);
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("否", false)]
    [InlineData("Y", true)]
    [InlineData("y", true)]
    [InlineData("N", false)]
    [InlineData("n", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("yes", true)]
    [InlineData("Ｙ", true)]
    public async Task Yes_no_columns_accept_every_variant(string text, bool expected)
    {
        var head = Head();
        head[RegisterColumns.Relocated] = text;
        head[RegisterColumns.BasicMedicalInsurance] = text;
        var row = (await ReadRow(head)).Rows.Single();
        Assert.Equal(expected, row.IsRelocated);
        Assert.Equal(expected, row.HasBasicMedicalInsurance);
    }

    [Fact]
    public async Task Yes_no_as_numeric_and_boolean_cells()
    {
        var head = Head();
        head[RegisterColumns.Relocated] = 1d;
        head[RegisterColumns.BasicMedicalInsurance] = false;
        var row = (await ReadRow(head)).Rows.Single();
        Assert.True(row.IsRelocated);
        Assert.False(row.HasBasicMedicalInsurance);
    }

    [Fact]
    public async Task Numbers_as_numeric_cells_or_text_with_a_unit()
    {
        var head = Head();
        head[RegisterColumns.MigrantWorkMonths] = "6个月";
        head[RegisterColumns.IdentificationYear] = 2014d;
        head[RegisterColumns.ExitYear] = "2016年";
        head[RegisterColumns.Phone] = 13800138000d;
        head[RegisterColumns.HouseholdNumber] = 4211220001d;
        head[RegisterColumns.VillageGroup] = 3d;
        var row = (await ReadRow(head)).Rows.Single();
        Assert.Equal((6, 2014, 2016), (row.MigrantWorkMonths!.Value, row.IdentificationYear!.Value, row.ExitYear!.Value));
        Assert.Equal(("13800138000", "4211220001", "3"), (row.Phone, row.HouseholdNumber, row.VillageGroup));
    }

    [Theory]
    [InlineData(RegisterColumns.PovertyCategory, "一般户", "General")]
    [InlineData(RegisterColumns.PovertyCategory, "低保户", "Dibao")]
    [InlineData(RegisterColumns.PovertyCategory, "五保户", "Tekun")]
    [InlineData(RegisterColumns.PovertyCategory, "特困供养贫困户", "Tekun")]
    [InlineData(RegisterColumns.PrimaryCause, "因病致贫", "Illness")]
    [InlineData(RegisterColumns.PrimaryCause, "缺劳动力", "LackOfLabour")]
    [InlineData(RegisterColumns.Status, "脱贫不享受政策", "Exited")]
    [InlineData(RegisterColumns.Status, "返贫", "Returned")]
    [InlineData(RegisterColumns.Relationship, "本人", "Head")]
    [InlineData(RegisterColumns.LabourAbility, "半劳动力", "WeakOrPartial")]
    [InlineData(RegisterColumns.SchoolingStatus, "中专", "Vocational")]
    public async Task Labels_and_unambiguous_short_forms_are_accepted(string column, string text, string expected)
    {
        var head = Head();
        head[column] = text;
        var sheet = await ReadRow(head);
        Assert.Empty(sheet.Errors);
        var row = sheet.Rows.Single();
        object? value = column switch
        {
            RegisterColumns.PovertyCategory => row.Category,
            RegisterColumns.PrimaryCause => row.PrimaryCause,
            RegisterColumns.Status => row.Status,
            RegisterColumns.Relationship => row.Relationship,
            RegisterColumns.LabourAbility => row.LabourAbility,
            _ => row.SchoolingStatus,
        };
        Assert.Equal(expected, value?.ToString());
    }

    [Fact]
    public async Task Every_label_of_every_enum_reads_back()
    {
        foreach (var value in Enum.GetValues<Relationship>())
        {
            Assert.True(RegisterValues.TryParse(value.Label(), out Relationship parsed));
            Assert.Equal(value, parsed);
        }
        foreach (var value in Enum.GetValues<HouseholdStatus>())
        {
            Assert.True(RegisterValues.TryParse(value.Label(), out HouseholdStatus parsed));
            Assert.Equal(value, parsed);
        }
        foreach (var value in Enum.GetValues<PovertyCause>())
        {
            Assert.True(RegisterValues.TryParse(value.Label(), out PovertyCause parsed));
            Assert.Equal(value, parsed);
        }
        foreach (var value in Enum.GetValues<HealthStatus>())
        {
            Assert.True(RegisterValues.TryParse(value.Label(), out HealthStatus parsed, out _));
            Assert.Equal(value, parsed);
        }
        foreach (var value in Enum.GetValues<SchoolingStatus>()) Assert.True(RegisterValues.TryParse(value.Label(), out SchoolingStatus _));
        foreach (var value in Enum.GetValues<LabourAbility>()) Assert.True(RegisterValues.TryParse(value.Label(), out LabourAbility _));
        foreach (var value in Enum.GetValues<MonitoringType>()) Assert.True(RegisterValues.TryParse(value.Label(), out MonitoringType _));
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("残疾（二级）", 2)]
    [InlineData("残疾(4级)", 4)]
    [InlineData("一级残疾", 1)]
    [InlineData("肢体残疾三级", 3)]
    [InlineData("残疾", null)]
    public async Task Disability_with_its_grade(string text, int? grade)
    {
        var head = Head();
        head[RegisterColumns.Health] = text;
        var row = (await ReadRow(head)).Rows.Single();
        Assert.Equal(HealthStatus.Disabled, row.Health);
        Assert.Equal(grade, row.DisabilityGrade);
    }

    [Fact]
    public async Task Blank_rows_and_a_one_cell_note_line_are_skipped()
    {
        var rows = Sheet(Head(), Spouse());
        rows.Insert(5, null);
        rows.Insert(6, new object?[RegisterColumns.All.Count]);
        rows.Add(["填表人：王五"]);
        var sheet = await Read(Xlsx(rows));
        Assert.Empty(sheet.Errors);
        Assert.Equal([5, 8], sheet.Rows.Select(r => r.SheetRowNumber));
    }

    [Fact]
    public async Task Progress_is_reported_and_a_stream_that_cannot_seek_is_fine()
    {
        var people = Enumerable.Range(0, 2500).Select(i =>
        {
            var p = Head();
            p[RegisterColumns.HouseholdNumber] = $"H{i:00000}";
            p[RegisterColumns.ResidentId] = ResidentId.Create("421122", new DateOnly(1970, 1, 1).AddDays(i), i % 999, i % 2 == 0 ? Gender.Male : Gender.Female).Value;
            p[RegisterColumns.Gender] = null;
            p[RegisterColumns.BirthDate] = null;
            return p;
        }).ToArray();
        var reports = new List<int>();
        var progress = new SynchronousProgress(reports.Add);
        var sheet = await RegisterFileReader.ReadAsync(new ForwardOnlyStream(Xlsx(Sheet(people))), "big.xlsx", progress, TestContext.Current.CancellationToken);
        Assert.Empty(sheet.Errors);
        Assert.Equal(2500, sheet.Rows.Count);
        Assert.Equal([1000, 2000, 2500], reports);
    }

    [Fact]
    public async Task Cancellation_escapes_as_OperationCanceledException()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            RegisterFileReader.ReadAsync(new MemoryStream(Xlsx(Sheet(Head()))), "a.xlsx", null, cancelled.Token));
    }

    private sealed class SynchronousProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>An upload stream: read once, forwards only.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : Stream
    {
        private readonly MemoryStream inner = new(bytes);
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
