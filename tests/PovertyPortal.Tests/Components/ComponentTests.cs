using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Components.Common;
using PovertyPortal.Web.Components.Layout;
using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Home;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

public sealed class ComponentTests : BunitContext
{
    public ComponentTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
    }

    [Fact]
    public void Access_denied_explains_in_Chinese_and_offers_the_way_home()
    {
        Render<MudPopoverProvider>();
        var cut = Render<AccessDeniedView>();
        Assert.Contains("无权访问", cut.Markup);
        Assert.Contains("不在您的管辖范围内", cut.Markup);
        Assert.Equal("/", cut.Find("a").GetAttribute("href"));
    }

    [Fact]
    public void Summary_cards_show_grouped_counts_and_the_exit_share()
    {
        var summary = new AreaSummary(0, "合计", 8, 3, 1234, 3456, 1000, 234, 12);
        var cut = Render<SummaryCards>(p => p.Add(c => c.Summary, summary));
        Assert.Contains("1,234", cut.Markup);
        Assert.Contains("3,456人", cut.Markup);
        Assert.Contains("占81%", cut.Markup);
        Assert.Contains("其中贫困村3个", cut.Markup);
    }

    [Theory]
    [InlineData(PortalRoles.SystemAdmin, true, true)]
    [InlineData(PortalRoles.CountySupervisor, true, true)]
    [InlineData(PortalRoles.TownshipOfficial, true, false)]
    [InlineData(PortalRoles.WorkTeamLeader, false, false)]
    public void The_menu_lists_only_what_the_role_may_use(string role, bool seesVillageList, bool seesUsers)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);
        auth.SetClaims(
            new Claim(PortalClaims.CountyId, "1"),
            new Claim(PortalClaims.TownshipId, "2"),
            new Claim(PortalClaims.VillageId, "3"));

        var cut = Render<NavMenu>();

        Assert.Contains("首页", cut.Markup);
        Assert.Equal(seesVillageList, cut.FindAll("a[href='/villages']").Count == 1);
        Assert.Equal(seesUsers, cut.Markup.Contains("用户管理", StringComparison.Ordinal));
        Assert.Equal(!seesVillageList, cut.FindAll("a[href='/villages/3']").Count == 1);
    }
}
