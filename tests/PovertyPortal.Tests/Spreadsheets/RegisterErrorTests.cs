using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Spreadsheets;
using static PovertyPortal.Tests.Spreadsheets.RegisterFiles;

namespace PovertyPortal.Tests.Spreadsheets;

public class RegisterErrorTests
{
    private static async Task<RowError> SingleError(Dictionary<string, object?> person)
    {
        var sheet = await ReadRow(person);
        return Assert.Single(sheet.Errors);
    }

    [Fact]
    public async Task Missing_required_columns_give_one_error_naming_them()
    {
        var order = RegisterColumns.All.Where(c => c is not RegisterColumns.Village and not RegisterColumns.Relationship).ToList();
        var sheet = await Read(Xlsx(Sheet(order, Head())));
        var error = Assert.Single(sheet.Errors);
        Assert.Equal(4, error.SheetRowNumber);
        Assert.Equal("缺少必需的列：行政村、与户主关系", error.Message);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public async Task Optional_columns_may_be_left_out()
    {
        var order = RegisterColumns.All.Where(c => RegisterColumns.IsRequired(c) || c == RegisterColumns.PovertyCategory).ToList();
        var sheet = await Read(Xlsx(Sheet(order, Head())));
        Assert.Empty(sheet.Errors);
        Assert.Null(sheet.Rows.Single().BirthDate);
    }

    [Fact]
    public async Task No_header_row_is_one_file_error()
    {
        var sheet = await Read(Xlsx([["花名册"], ["姓名", "身份证"]]));
        var error = Assert.Single(sheet.Errors);
        Assert.Equal(0, error.SheetRowNumber);
        Assert.StartsWith("未找到表头行", error.Message);
    }

    [Theory]
    [InlineData("register.docx", "不支持的文件类型“.docx”：请上传 .xlsx、.xls 或 .csv 文件")]
    [InlineData("register", "无法识别文件类型：文件名没有扩展名，请上传 .xlsx、.xls 或 .csv 文件")]
    public async Task An_unknown_extension_is_an_error_not_an_exception(string name, string message)
    {
        var sheet = await Read(Xlsx(Sheet(Head())), name);
        Assert.Equal(message, Assert.Single(sheet.Errors).Message);
    }

    [Theory]
    [InlineData("bad.xlsx")]
    [InlineData("bad.xls")]
    public async Task A_corrupt_file_is_an_error_not_an_exception(string name)
    {
        var sheet = await Read("这不是Excel文件 not a workbook"u8.ToArray(), name);
        var error = Assert.Single(sheet.Errors);
        Assert.StartsWith("文件无法读取", error.Message);
        Assert.Empty(sheet.Rows);
    }

    [Fact]
    public async Task A_truncated_xlsx_is_an_error_not_an_exception()
    {
        var bytes = Xlsx(Sheet(Head(), Spouse()));
        var sheet = await Read(bytes[..(bytes.Length / 2)]);
        Assert.Contains(sheet.Errors, e => e.Message.StartsWith("文件无法读取", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_enumerated_value_keeps_the_row_with_the_cell_null()
    {
        var head = Head();
        head[RegisterColumns.PovertyCategory] = "贫困户";
        var sheet = await ReadRow(head);
        var error = Assert.Single(sheet.Errors);
        Assert.Equal((5, "贫困户属性", "贫困户"), (error.SheetRowNumber, error.Column, error.Value));
        Assert.Equal("“贫困户”不是有效的贫困户属性，可填：一般贫困户、低保贫困户、特困供养贫困户", error.Message);
        Assert.Null(sheet.Rows.Single().Category);
        Assert.Equal("张三", sheet.Rows.Single().Name);
    }

    [Theory]
    [InlineData("2019-02-30")]
    [InlineData("2019-13-01")]
    [InlineData("19/3/5")]
    [InlineData("三月五日")]
    [InlineData("1899-12-31")]
    public async Task A_bad_date(string text)
    {
        var head = Head();
        head[RegisterColumns.BirthDate] = text;
        var error = await SingleError(head);
        Assert.Equal((RegisterColumns.BirthDate, text), (error.Column, error.Value));
        Assert.StartsWith($"“{text}”不是有效的日期", error.Message);
    }

    [Fact]
    public async Task An_id_stored_as_a_number_is_rejected_saying_so()
    {
        var numeric = Head();
        numeric[RegisterColumns.ResidentId] = 421122197208151233d;
        var error = await SingleError(numeric);
        Assert.Equal(RegisterFileReader.IdStoredAsNumber, error.Message);
        Assert.Equal("证件号码被Excel存成了数字，后几位已丢失，请把该列设为文本后重新录入", error.Message);
        Assert.Equal("4.21122197208151E+17", error.Value);
    }

    [Theory]
    [InlineData("4.21122E+17")]
    [InlineData("4.21122197208151E+17")]
    [InlineData("421122197208151000")]
    public async Task An_id_that_excel_turned_into_a_number_before_it_became_text_is_rejected_saying_so(string text)
    {
        var head = Head();
        head[RegisterColumns.ResidentId] = text;
        var error = await SingleError(head);
        Assert.Equal((RegisterColumns.ResidentId, text, RegisterFileReader.IdStoredAsNumber), (error.Column, error.Value, error.Message));
    }

    [Theory]
    [InlineData("42112219720815123")]
    [InlineData("42112219720815A233")]
    [InlineData("021122197208151233")]
    [InlineData("421122197213151233")]
    [InlineData("421122197208151234")]
    public async Task Each_id_rule_gives_the_message_of_ResidentId_Validate(string text)
    {
        var head = Head();
        head[RegisterColumns.ResidentId] = text;
        var error = await SingleError(head);
        Assert.Equal(ResidentId.Validate(text, out _), error.Message);
        Assert.Equal(text, error.Value);
    }

    [Fact]
    public async Task Required_cells()
    {
        var head = Head();
        head[RegisterColumns.Name] = " ";
        head[RegisterColumns.ResidentId] = null;
        var sheet = await ReadRow(head);
        Assert.Equal(["请填写姓名", "请填写公民身份号码"], sheet.Errors.Select(e => e.Message));
    }

    [Fact]
    public async Task Bad_yes_no_number_year_and_phone()
    {
        var head = Head();
        head[RegisterColumns.Relocated] = "有";
        head[RegisterColumns.MigrantWorkMonths] = "13";
        head[RegisterColumns.IdentificationYear] = "14";
        head[RegisterColumns.Phone] = "13800138000，13900139000";
        var sheet = await ReadRow(head);
        Assert.Equal(
            [
                (RegisterColumns.MigrantWorkMonths, "务工时间(月)应为0至12的整数"),
                (RegisterColumns.IdentificationYear, "识别年度应为四位年份，如 2016"),
                (RegisterColumns.Relocated, "请填写“是”或“否”（也可写 Y/N、1/0）"),
                (RegisterColumns.Phone, "联系电话应为手机号（11位）或带区号的固定电话，只写一个号码"),
            ],
            sheet.Errors.Select(e => (e.Column, e.Message)));
    }

    [Fact]
    public async Task A_household_number_stored_as_a_long_number_is_rejected()
    {
        var head = Head();
        head[RegisterColumns.HouseholdNumber] = 4.21122000100001E+17;
        Assert.Equal(RegisterFileReader.HouseholdNumberStoredAsNumber, (await SingleError(head)).Message);
    }

    [Fact]
    public async Task Household_rows_that_disagree_give_one_error_naming_both_rows()
    {
        var spouse = Spouse();
        spouse[RegisterColumns.PovertyCategory] = "低保贫困户";
        var son = Son();
        son[RegisterColumns.PovertyCategory] = "低保户";
        var sheet = await Read(Xlsx(Sheet(Head(), spouse, son)));
        var error = Assert.Single(sheet.Errors);
        Assert.Equal((6, RegisterColumns.PovertyCategory, "低保贫困户"), (error.SheetRowNumber, error.Column, error.Value));
        Assert.Equal("第5行与第6行的“贫困户属性”不一致：一般贫困户 / 低保贫困户", error.Message);
    }

    [Fact]
    public async Task The_same_value_written_two_ways_agrees()
    {
        var spouse = Spouse();
        spouse[RegisterColumns.PovertyCategory] = "一般户";
        spouse[RegisterColumns.Status] = "脱贫";
        spouse[RegisterColumns.Village] = " 示范村 ";
        var sheet = await Read(Xlsx(Sheet(Head(), spouse)));
        Assert.Empty(sheet.Errors);
    }

    [Fact]
    public async Task Two_heads_no_head_and_a_duplicate_id()
    {
        var second = Spouse();
        second[RegisterColumns.Relationship] = "户主";
        var lone = Member("王五", SonId, "之子", "男", "2008-11-20");
        lone[RegisterColumns.HouseholdNumber] = "421122000100002";
        lone[RegisterColumns.Status] = "已脱贫";
        lone[RegisterColumns.PovertyCategory] = "低保贫困户";
        var duplicate = Member("赵六", HeadId, "户主", "男", "1972-08-15");
        duplicate[RegisterColumns.HouseholdNumber] = "421122000100003";
        duplicate[RegisterColumns.Status] = "已脱贫";
        duplicate[RegisterColumns.PovertyCategory] = "低保贫困户";
        var sheet = await Read(Xlsx(Sheet(Head(), second, lone, duplicate)));
        Assert.Equal(
            [
                (6, "第5行与第6行都是户主，一户只能有一个户主"),
                (7, "户编号421122000100002没有户主：须有一行的“与户主关系”为“户主”"),
                (8, "证件号码与第5行重复"),
            ],
            sheet.Errors.Select(e => (e.SheetRowNumber, e.Message)));
    }

    [Fact]
    public async Task Category_may_be_empty_only_for_a_monitored_household_never_registered_poor()
    {
        var monitored = Head();
        monitored[RegisterColumns.PovertyCategory] = null;
        monitored[RegisterColumns.Status] = "非建档立卡户";
        monitored[RegisterColumns.MonitoringType] = "边缘户";
        Assert.Empty((await ReadRow(monitored)).Errors);

        var exited = Head();
        exited[RegisterColumns.PovertyCategory] = null;
        var error = await SingleError(exited);
        Assert.Equal(RegisterColumns.PovertyCategory, error.Column);
        Assert.StartsWith("请填写贫困户属性", error.Message);
    }

    [Fact]
    public async Task A_household_without_a_status_on_any_row()
    {
        var head = Head();
        head[RegisterColumns.Status] = null;
        var error = await SingleError(head);
        Assert.Equal("请填写贫困户状态（户编号421122000100001的任何一行都没有填写）", error.Message);
    }

    [Fact]
    public async Task Errors_are_listed_by_row_and_print_in_chinese()
    {
        var spouse = Spouse();
        spouse[RegisterColumns.ResidentId] = "4.21122E+17";
        var son = Son();
        son[RegisterColumns.Gender] = "男孩";
        var sheet = await Read(Xlsx(Sheet(Head(), spouse, son)));
        Assert.Equal([6, 7], sheet.Errors.Select(e => e.SheetRowNumber));
        Assert.Equal("第6行“证件号码”（4.21122E+17）：证件号码被Excel存成了数字，后几位已丢失，请把该列设为文本后重新录入", sheet.Errors[0].ToString());
        Assert.Equal(3, sheet.Rows.Count);
    }

    [Fact]
    public async Task Households_merge_values_written_on_the_head_row_only()
    {
        var other = Member("王五", ResidentId.Create("421122", new DateOnly(1960, 1, 2), 51, Gender.Male).Value, "户主", "男", "1960-01-02");
        other[RegisterColumns.HouseholdNumber] = "421122000100002";
        other[RegisterColumns.Status] = "非建档立卡户";
        other[RegisterColumns.MonitoringType] = "突发严重困难户";
        other[RegisterColumns.Relocated] = "是";
        var sheet = await Read(Xlsx(Sheet(Spouse(), Head(), other, Son())));
        Assert.Empty(sheet.Errors);
        var households = RegisterHouseholds.Group(sheet);
        Assert.Equal(2, households.Count);
        var first = households[0];
        Assert.Equal("421122000100001", first.HouseholdNumber);
        Assert.Equal([5, 6, 8], first.Members.Select(m => m.SheetRowNumber));
        Assert.Equal("张三", first.Head?.Name);
        Assert.Equal((PovertyCategory.General, HouseholdStatus.Exited, 2014, 2016), (first.Category!.Value, first.Status!.Value, first.IdentificationYear!.Value, first.ExitYear!.Value));
        Assert.Equal((PovertyCause.Illness, PovertyCause.LackOfSkills, "13800138000"), (first.PrimaryCause!.Value, first.SecondaryCause!.Value, first.Phone));
        Assert.Equal(("七里坪镇", "示范村", "一组"), (first.Township, first.Village, first.VillageGroup));
        Assert.False(first.IsRelocated);
        var second = households[1];
        Assert.Equal((HouseholdStatus.NotRegistered, MonitoringType.SuddenHardship, true), (second.Status!.Value, second.MonitoringType!.Value, second.IsRelocated));
        Assert.Null(second.Category);
    }

    [Fact]
    public void Columns_are_the_29_of_the_issue_in_template_order()
    {
        Assert.Equal(
            "县(市、区),乡(镇),行政村,村民小组,户编号,姓名,证件号码,与户主关系,性别,出生日期,民族,文化程度,在校生状况,健康状况,劳动技能,务工状况,务工时间(月),是否参加城乡居民基本医疗保险,是否参加大病保险,是否参加城乡居民基本养老保险,贫困户属性,主要致贫原因,次要致贫原因,识别年度,贫困户状态,脱贫年度,是否易地搬迁户,监测对象类别,联系电话",
            string.Join(",", RegisterColumns.All));
        Assert.Equal(
            ["贫困户属性", "主要致贫原因", "次要致贫原因", "识别年度", "贫困户状态", "脱贫年度", "是否易地搬迁户", "监测对象类别", "联系电话"],
            RegisterColumns.All.Where(RegisterColumns.IsHouseholdLevel));
        Assert.Equal(RegisterField.Phone, RegisterColumns.FieldOf(" 联系 电话 "));
        Assert.Null(RegisterColumns.FieldOf("备注"));
    }
}
