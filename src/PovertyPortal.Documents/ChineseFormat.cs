using System.Globalization;

namespace PovertyPortal.Documents;

/// <summary>How dates, money and counts are written for Chinese officials, on pages and in documents alike.</summary>
public static class ChineseFormat
{
    public static CultureInfo Culture { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>2026年11月25日.</summary>
    public static string Date(DateOnly date) => string.Create(Culture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>China keeps one time zone, UTC+8, without daylight saving; servers may run on UTC.</summary>
    public static DateTimeOffset BeijingTime(DateTimeOffset moment) => moment.ToOffset(TimeSpan.FromHours(8));

    public static string Date(DateTimeOffset moment) => Date(DateOnly.FromDateTime(BeijingTime(moment).DateTime));

    public static string Date(DateOnly? date) => date is null ? "" : Date(date.Value);

    /// <summary>2026年11月25日 14:05.</summary>
    public static string DateTime(DateTimeOffset moment) =>
        string.Create(Culture, $"{Date(moment)} {BeijingTime(moment):HH:mm}");

    /// <summary>92,690.00元: two decimals, grouped thousands.</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", Culture) + "元";

    /// <summary>1,488: grouped thousands, as the reports write counts.</summary>
    public static string Count(int value) => value.ToString("#,##0", Culture);

    /// <summary>A share as 96.5%.</summary>
    public static string Percent(decimal fraction) => (fraction * 100m).ToString("0.#", Culture) + "%";

    /// <summary>一 … 九十九, as headings number chapters (一、) and sections (（一）).</summary>
    public static string Numeral(int n)
    {
        const string digits = "零一二三四五六七八九";
        return n switch
        {
            < 10 => digits[n].ToString(),
            10 => "十",
            < 20 => "十" + digits[n - 10],
            < 100 => digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10].ToString()),
            _ => n.ToString(Culture),
        };
    }
}
