using PovertyPortal.Documents;

namespace PovertyPortal.Tests.Domain;

public sealed class ChineseFormatTests
{
    [Fact]
    public void Dates_money_and_counts_are_written_the_Chinese_way()
    {
        Assert.Equal("2026年11月25日", ChineseFormat.Date(new DateOnly(2026, 11, 25)));
        Assert.Equal("2018年3月2日", ChineseFormat.Date(new DateOnly(2018, 3, 2)));
        Assert.Equal("92,690.00元", ChineseFormat.Yuan(92690m));
        Assert.Equal("0.50元", ChineseFormat.Yuan(0.5m));
        Assert.Equal("1,488", ChineseFormat.Count(1488));
        Assert.Equal("96.4%", ChineseFormat.Percent(108m / 112m));
    }
}
