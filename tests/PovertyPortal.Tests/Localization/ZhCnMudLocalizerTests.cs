using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Web.Components.Localization;
using Xunit;

namespace PovertyPortal.Tests.Localization;

/// <summary>
/// Reads the keys and English originals of MudBlazor's embedded LanguageResource straight from the
/// MudBlazor assembly, so that a MudBlazor upgrade which adds, renames or changes keys fails these tests.
/// </summary>
internal static class MudLanguageResource
{
    public const string ManifestResourceName = "MudBlazor.Resources.LanguageResource.resources";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> s_english = new(Load);

    /// <summary>Key → English original, for every string in MudBlazor's LanguageResource.</summary>
    public static IReadOnlyDictionary<string, string> English => s_english.Value;

    private static Dictionary<string, string> Load()
    {
        var assembly = typeof(MudLocalizer).Assembly;
        using var stream = assembly.GetManifestResourceStream(ManifestResourceName)
            ?? throw new InvalidOperationException(
                $"{assembly.GetName()} has no embedded resource '{ManifestResourceName}'; "
                + $"it has: {string.Join(", ", assembly.GetManifestResourceNames())}");
        using var reader = new ResourceReader(stream);

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (DictionaryEntry entry in reader)
        {
            if (entry.Key is string key && entry.Value is string value)
            {
                result[key] = value;
            }
        }

        return result;
    }
}

public sealed partial class ZhCnMudLocalizerTranslationTests
{
    public static TheoryData<string> ResourceKeys =>
        new(MudLanguageResource.English.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void MudBlazor_language_resource_is_readable()
    {
        // Guards the tests below against passing vacuously (9.12.0 defines 155 keys).
        Assert.True(MudLanguageResource.English.Count > 100, $"only {MudLanguageResource.English.Count} keys read");
        Assert.Equal("Rows per page:", MudLanguageResource.English["MudDataGridPager_RowsPerPage"]);
    }

    [Fact]
    public void Every_MudBlazor_key_has_a_translation()
    {
        var missing = MudLanguageResource.English
            .Where(pair => !ZhCnMudLocalizer.Translations.ContainsKey(pair.Key))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => $"{pair.Key} = \"{pair.Value}\"")
            .ToList();

        Assert.True(
            missing.Count == 0,
            $"Add these {missing.Count} MudBlazor keys to ZhCnMudLocalizer:{Environment.NewLine}"
            + string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void No_translation_for_a_key_MudBlazor_no_longer_defines()
    {
        var stale = ZhCnMudLocalizer.Translations.Keys
            .Where(key => !MudLanguageResource.English.ContainsKey(key))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(
            stale.Count == 0,
            $"MudBlazor does not define these keys (renamed or removed?): {string.Join(", ", stale)}");
    }

    [Theory]
    [MemberData(nameof(ResourceKeys))]
    public void Translation_is_not_empty_and_is_Chinese(string key)
    {
        var english = MudLanguageResource.English[key];
        Assert.True(ZhCnMudLocalizer.Translations.TryGetValue(key, out var chinese), $"no translation for {key}");
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"empty translation for {key}");

        // Texts made of words must be translated; pure symbols such as "=" or ">=" may stay as they are.
        if (LatinLetter().IsMatch(english))
        {
            Assert.True(
                CjkCharacter().IsMatch(chinese),
                $"{key}: \"{chinese}\" is not Chinese (English: \"{english}\")");
        }
    }

    [Theory]
    [MemberData(nameof(ResourceKeys))]
    public void Translation_keeps_the_format_placeholders(string key)
    {
        var english = MudLanguageResource.English[key];
        Assert.True(ZhCnMudLocalizer.Translations.TryGetValue(key, out var chinese), $"no translation for {key}");

        Assert.Equal(Placeholders(english), Placeholders(chinese));

        // Must be a valid composite format string (no stray braces).
        var arguments = Enumerable.Range(0, 10).Select(i => (object)$"<{i}>").ToArray();
        var formatted = string.Format(CultureInfo.InvariantCulture, chinese, arguments);
        foreach (var index in Placeholders(chinese))
        {
            Assert.Contains($"<{index}>", formatted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Localizer_returns_Chinese_and_reports_unknown_keys_as_not_found()
    {
        var localizer = new ZhCnMudLocalizer();

        var rowsPerPage = localizer["MudDataGridPager_RowsPerPage"];
        Assert.False(rowsPerPage.ResourceNotFound);
        Assert.Equal("每页行数：", rowsPerPage.Value);

        var info = localizer["MudDataGridPager_InfoFormat", "1", "10", "30"];
        Assert.False(info.ResourceNotFound);
        Assert.Equal("第 1-10 条，共 30 条", info.Value);

        var unknown = localizer["PovertyPortal_NoSuchKey"];
        Assert.True(unknown.ResourceNotFound);
    }

    [Fact]
    public void MudBlazor_interceptor_uses_the_translation_and_falls_back_to_English()
    {
        using var culture = new UiCultureScope("zh-CN");
        var interceptor = new DefaultLocalizationInterceptor(NullLoggerFactory.Instance, new FallbackProbeLocalizer());

        Assert.Equal("第 1-10 条，共 30 条", interceptor.Handle("MudDataGridPager_InfoFormat", "1", "10", "30").Value);
        Assert.Equal("每页行数：", interceptor.Handle("MudDataGridPager_RowsPerPage").Value);

        // A key the localizer does not know is answered with MudBlazor's English default.
        var fallback = interceptor.Handle(FallbackProbeLocalizer.HiddenKey);
        Assert.False(fallback.ResourceNotFound);
        Assert.Equal(MudLanguageResource.English[FallbackProbeLocalizer.HiddenKey], fallback.Value);
    }

    private static List<int> Placeholders(string format) =>
        Placeholder().Matches(format)
            .Select(match => int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture))
            .Order()
            .ToList();

    [GeneratedRegex(@"(?<!\{)\{(?<index>\d+)(?:,-?\d+)?(?::[^{}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex LatinLetter();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex CjkCharacter();

    /// <summary>Delegates to <see cref="ZhCnMudLocalizer"/> but hides one key, to exercise MudBlazor's fallback.</summary>
    private sealed class FallbackProbeLocalizer : MudLocalizer
    {
        public const string HiddenKey = "MudDataGrid_Sort";

        private readonly ZhCnMudLocalizer _inner = new();

        public override Microsoft.Extensions.Localization.LocalizedString this[string key] =>
            key == HiddenKey
                ? new Microsoft.Extensions.Localization.LocalizedString(key, key, resourceNotFound: true)
                : _inner[key];
    }
}

public sealed class ZhCnMudLocalizerRenderingTests : BunitContext
{
    private static readonly IReadOnlyList<Household> s_households =
        Enumerable.Range(1, 30).Select(i => new Household(i, $"农户{i:00}")).ToList();

    public ZhCnMudLocalizerRenderingTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddTransient<MudLocalizer, ZhCnMudLocalizer>();
    }

    [Fact]
    public void MudTable_pager_is_rendered_in_Chinese()
    {
        // MudBlazor ignores a custom MudLocalizer when the UI culture is English, so pin the portal's culture.
        using var culture = new UiCultureScope("zh-CN");
        Render<MudPopoverProvider>();

        var table = Render<MudTable<Household>>(parameters => parameters
            .Add(p => p.Items, s_households)
            .Add(p => p.RowsPerPage, 10)
            .Add(p => p.HeaderContent, "<th>户主</th>")
            .Add(p => p.RowTemplate, household => $"<td>{household.Name}</td>")
            .Add<MudTablePager>(p => p.PagerContent));

        var markup = table.Markup;
        Assert.Contains("每页行数", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Rows per page", markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("第 1-10 条，共 30 条", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("1-10 of 30", markup, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"下一页\"", markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MudDataGrid_pager_is_rendered_in_Chinese()
    {
        using var culture = new UiCultureScope("zh-CN");
        Render<MudPopoverProvider>();

        var grid = Render<MudDataGrid<Household>>(parameters => parameters
            .Add(p => p.Items, s_households)
            .Add(p => p.RowsPerPage, 10)
            .Add<PropertyColumn<Household, string>>(p => p.Columns, column => column
                .Add(c => c.Property, household => household.Name)
                .Add(c => c.Title, "户主"))
            .Add<MudDataGridPager<Household>>(p => p.PagerContent));

        var markup = grid.Markup;
        Assert.Contains("每页行数", markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Rows per page", markup, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("第 1-10 条，共 30 条", markup, StringComparison.Ordinal);
    }

    public sealed record Household(int Id, string Name);
}

/// <summary>Sets CurrentCulture and CurrentUICulture for the duration of a test and restores them afterwards.</summary>
internal sealed class UiCultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public UiCultureScope(string name)
    {
        var culture = CultureInfo.GetCultureInfo(name);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
