namespace PovertyPortal.Domain.Income;

/// <summary>A set of months 1–12 kept as the bits of an int (bit 0 = January), the way income records store them.</summary>
public static class MonthSet
{
    public const int All = 0xFFF;

    public static int Of(IEnumerable<int> months) => months.Aggregate(0, (bits, m) =>
        m is >= 1 and <= 12 ? bits | (1 << (m - 1)) : throw new ArgumentOutOfRangeException(nameof(months), m, "月份应在1至12之间"));

    public static IReadOnlyList<int> Months(int bits) => Enumerable.Range(1, 12).Where(m => (bits & (1 << (m - 1))) != 0).ToList();

    public static int Count(int bits) => System.Numerics.BitOperations.PopCount((uint)(bits & All));

    /// <summary>Runs of months in Chinese: "1—5月、10—12月".</summary>
    public static string Describe(int bits)
    {
        var months = Months(bits);
        if (months.Count == 0) return "无";
        var parts = new List<string>();
        var start = months[0];
        for (var i = 1; i <= months.Count; i++)
        {
            if (i < months.Count && months[i] == months[i - 1] + 1) continue;
            var end = months[i - 1];
            parts.Add(start == end ? $"{start}月" : $"{start}—{end}月");
            if (i < months.Count) start = months[i];
        }
        return string.Join("、", parts);
    }
}
