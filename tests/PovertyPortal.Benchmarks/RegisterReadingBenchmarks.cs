using System.Globalization;
using BenchmarkDotNet.Attributes;
using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Spreadsheets;

namespace PovertyPortal.Benchmarks;

/// <summary>
/// Issue 4: parse + validate 100,000 person rows (≈ 28,000 households) of an .xlsx register at ≥ 20,000 rows/s with
/// peak memory ≤ 300 MB. The file is made once, in memory, every column filled on every row (the slow case).
/// </summary>
[MemoryDiagnoser]
public class RegisterReadingBenchmarks
{
    public const int PersonRows = 100_000;

    private byte[] file = [];

    [GlobalSetup]
    public void Setup() => file = MakeRegister(PersonRows);

    [Benchmark(Description = "ReadAsync, 100,000 rows .xlsx")]
    public async Task<int> Read()
    {
        var sheet = await RegisterFileReader.ReadAsync(new MemoryStream(file, writable: false), "register.xlsx");
        if (sheet.Errors.Count > 0) throw new InvalidOperationException(sheet.Errors[0].ToString());
        return sheet.Rows.Count;
    }

    /// <summary>A register of <paramref name="rows"/> people under a title row and a date line, as a county keeps one.</summary>
    public static byte[] MakeRegister(int rows)
    {
        using var stream = new MemoryStream();
        WriteRegister(stream, rows);
        return stream.ToArray();
    }

    public static void WriteRegister(Stream destination, int rows)
    {
        var random = new Random(4);
        var columns = RegisterColumns.All.Select(_ => new XlsxColumn(12)).ToArray();
        using var writer = new XlsxSheetWriter(destination, "花名册", columns, frozenRows: 3);
        writer.WriteRow(1, [new XlsxCell("红安县建档立卡贫困人口花名册")]);
        writer.WriteRow(2, [new XlsxCell("填报日期：2020年12月31日")]);
        writer.WriteRow(3, RegisterColumns.All.Select(h => new XlsxCell(h, XlsxStyle.Header)).ToArray());
        var cells = new XlsxCell[columns.Length];
        var row = 3;
        var household = 0;
        Relationship[] others = [Relationship.Spouse, Relationship.Son, Relationship.Daughter, Relationship.Mother, Relationship.Grandson];
        while (row - 3 < rows)
        {
            household++;
            var size = Math.Min(random.Next(1, 7), rows - (row - 3));
            var category = (PovertyCategory)random.Next(3);
            var status = random.Next(10) < 8 ? HouseholdStatus.Exited : HouseholdStatus.Identified;
            for (var m = 0; m < size; m++)
            {
                var gender = random.Next(2) == 0 ? Gender.Male : Gender.Female;
                // Unique IDs: the birth day and the sequence number both follow the row number.
                var person = row - 3;
                var birth = new DateOnly(1940, 1, 1).AddDays(person % 27_000);
                var id = ResidentId.Create("421122", birth, 2 * (person / 27_000) + (gender == Gender.Male ? 1 : 0), gender).Value;
                var i = 0;
                cells[i++] = new("红安县");
                cells[i++] = new($"第{household % 20 + 1}镇");
                cells[i++] = new($"第{household % 300 + 1}村");
                cells[i++] = new($"{household % 9 + 1}组");
                cells[i++] = new(string.Create(CultureInfo.InvariantCulture, $"421122{household:000000000}"));
                cells[i++] = new($"村民{household}-{m}");
                cells[i++] = new(id);
                cells[i++] = new((m == 0 ? Relationship.Head : others[random.Next(others.Length)]).Label());
                cells[i++] = new(gender.Label());
                cells[i++] = new(birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                cells[i++] = new("汉族");
                cells[i++] = new("初中");
                cells[i++] = new(SchoolingStatus.NotInSchool.Label());
                cells[i++] = new(((HealthStatus)random.Next(4)).Label());
                cells[i++] = new(((LabourAbility)random.Next(5)).Label());
                cells[i++] = new("省外务工");
                cells[i++] = new((double)random.Next(13));
                cells[i++] = new("是");
                cells[i++] = new("是");
                cells[i++] = new("否");
                cells[i++] = new(category.Label());
                cells[i++] = new(PovertyCause.Illness.Label());
                cells[i++] = new(PovertyCause.LackOfSkills.Label());
                cells[i++] = new(2014d);
                cells[i++] = new(status.Label());
                cells[i++] = new(status == HouseholdStatus.Exited ? 2018d : null);
                cells[i++] = new("否");
                cells[i++] = new(null);
                cells[i++] = new("13800138000");
                writer.WriteRow(++row, cells);
            }
        }
    }
}
