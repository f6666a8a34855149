using MudBlazor;

namespace PovertyPortal.Web.Components.Layout;

/// <summary>
/// The portal's colours and fonts. Fonts are the system's own CJK fonts, never a web font: the networks
/// these officials work on are often closed.
/// </summary>
public static class PortalTheme
{
    private static readonly string[] FontFamily =
        ["Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", "SimHei", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            // Red is kept for the app bar and for errors; a blue primary keeps a focused field from looking wrong.
            Primary = "#1e5aa8",
            Secondary = "#455a64",
            AppbarBackground = "#b71c1c",
            AppbarText = "#ffffff",
            Background = "#f5f5f5",
            DrawerBackground = "#ffffff",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily },
            H1 = new H1Typography { FontFamily = FontFamily },
            H2 = new H2Typography { FontFamily = FontFamily },
            H3 = new H3Typography { FontFamily = FontFamily },
            H4 = new H4Typography { FontFamily = FontFamily },
            H5 = new H5Typography { FontFamily = FontFamily },
            H6 = new H6Typography { FontFamily = FontFamily },
            Button = new ButtonTypography { FontFamily = FontFamily },
            Body1 = new Body1Typography { FontFamily = FontFamily },
            Body2 = new Body2Typography { FontFamily = FontFamily },
        },
    };
}
