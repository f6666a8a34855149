using System.Text;
using PovertyPortal.Documents.Spreadsheets;

namespace PovertyPortal.Tests.Benefits;

public sealed class BenefitFileReaderTests
{
    private static Task<BenefitSheet> Read(string csv) =>
        BenefitFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray()), "benefits.csv");

    [Fact]
    public async Task Rows_are_typed_whatever_the_column_order_and_title_rows()
    {
        var sheet = await Read("栗子湾村2018年政策享受\n项目,户编号,年度,金额(元),数量,单位,发放日期,备注,身份证号\n"
            + "生态林补助,4211291012010001,2018,\"1,200.50\",10,亩,2018/12/20,全覆盖,\n"
            + ",,,,,,,,\n"
            + "雨露计划,４２１１２９１０１２０１０００２,2018年,1500元,,,20181220,,\n");
        Assert.Empty(sheet.Errors);
        Assert.Equal(2, sheet.Rows.Count);
        var first = sheet.Rows[0];
        Assert.Equal((3, "4211291012010001", "生态林补助", 2018, 1_200.50m, 10m, "亩"), (first.SheetRowNumber, first.HouseholdNumber, first.Program, first.Year, first.Amount, first.Quantity, first.Unit));
        Assert.Equal(new DateOnly(2018, 12, 20), first.PaidOn);
        Assert.Equal("全覆盖", first.Note);
        var second = sheet.Rows[1];
        Assert.Equal(("4211291012010002", 2018, 1_500m, 5), (second.HouseholdNumber, second.Year, second.Amount, second.SheetRowNumber));
    }

    [Fact]
    public async Task Each_bad_cell_gets_a_Chinese_error_with_its_row_and_column()
    {
        var sheet = await Read("户编号,证件号码,项目,年度,金额,数量,单位,发放日期\n"
            + ",421129199001011234,,20x8,-5,3,,2018-13-01\n");
        var errors = sheet.Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("第2行“户编号”：请填写户编号", errors);
        Assert.Contains(errors, e => e.StartsWith("第2行“证件号码”（421129199001011234）：", StringComparison.Ordinal));
        Assert.Contains("第2行“项目”：请填写项目", errors);
        Assert.Contains("第2行“年度”（20x8）：年度应为四位数年份，如2018", errors);
        Assert.Contains("第2行“金额”（-5）：金额应为不小于0的数字（单位：元）", errors);
        Assert.Contains("第2行“单位”：填写了数量，请同时填写单位", errors);
        Assert.Contains("第2行“发放日期”（2018-13-01）：日期格式无法识别，请写成2018-06-30", errors);
    }

    [Fact]
    public async Task A_file_without_the_required_columns_says_which_are_missing()
    {
        var sheet = await Read("户编号,项目,金额\nH1,低保,100\n");
        Assert.Equal("第1行：缺少必需的列：年度", Assert.Single(sheet.Errors).ToString());
        var none = await Read("姓名,地址\n张三,某村\n");
        Assert.StartsWith("文件：未找到表头行", Assert.Single(none.Errors).ToString());
        var unknown = await BenefitFileReader.ReadAsync(new MemoryStream([1, 2]), "benefits.pdf");
        Assert.Contains("不支持的文件类型", Assert.Single(unknown.Errors).Message);
    }
}
