using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Domain.Areas;
using PovertyPortal.Domain.Common;
using PovertyPortal.Domain.Users;
using PovertyPortal.Tests.YearLocks;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.YearLocks;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// The 年度锁定 page: a county supervisor locks a township's year and unlocks it with a reason (refused without one); a
/// township official sees their own township's locks and no button.
/// </summary>
public sealed class YearLockPageTests : BunitContext, IAsyncLifetime
{
    private const int Year = 2024;
    private YearLockDatabase database = null!;

    private sealed class Factory(DbContextOptions<PortalDbContext> options, AreaScope scope, string userName) : IDbContextFactory<PortalDbContext>, IAreaScopeSource
    {
        public AreaScope Scope => scope;
        public string? UserName => userName;
        public PortalDbContext CreateDbContext() => new(options, this);
    }

    public async ValueTask InitializeAsync()
    {
        database = await YearLockDatabase.CreateAsync();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(database.Options);
        Services.AddScoped<CurrentUser>();
        Services.AddScoped<ClientAddress>();
        Services.AddScoped<AuditLog>();
        Services.AddHttpContextAccessor();
        Services.AddYearLockFeatures();
    }

    public new async ValueTask DisposeAsync()
    {
        await database.DisposeAsync();
        await base.DisposeAsync();
    }

    private void SignIn(string userName, string role, AreaScope scope)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(userName);
        auth.SetRoles(role);
        Services.AddSingleton<IDbContextFactory<PortalDbContext>>(new Factory(database.Options, scope, userName));
    }

    private string Cell(int townshipId) => $"[data-testid=cell-{townshipId}-{Year}]";

    [Fact]
    public async Task A_county_supervisor_locks_a_townships_year_and_unlocks_it_only_with_a_reason()
    {
        SignIn("county", PortalRoles.CountySupervisor, AreaScope.County(database.CountyId));
        Render<MudPopoverProvider>();
        var dialogs = Render<MudDialogProvider>();
        var page = Render<YearLockPage>();
        page.WaitForAssertion(() => Assert.Equal("false", page.Find(Cell(database.TownshipA)).GetAttribute("data-locked")));
        Assert.Contains("甲镇", page.Find("[data-testid=year-lock-table] thead").TextContent, StringComparison.Ordinal);
        Assert.Contains("乙乡", page.Find("[data-testid=year-lock-table] thead").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=year-lock-readonly]"));

        await page.InvokeAsync(() => page.Find($"[data-testid=lock-{database.TownshipA}-{Year}]").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("确定锁定吗", dialogs.Markup, StringComparison.Ordinal));
        await dialogs.InvokeAsync(() => dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "锁定").Click());
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(Cell(database.TownshipA)).GetAttribute("data-locked")), TimeSpan.FromSeconds(5));
        Assert.Contains("county", page.Find(Cell(database.TownshipA)).TextContent, StringComparison.Ordinal);
        Assert.Equal("false", page.Find(Cell(database.TownshipB)).GetAttribute("data-locked"));

        await page.InvokeAsync(() => page.Find($"[data-testid=unlock-{database.TownshipA}-{Year}]").Click());
        dialogs.WaitForAssertion(() => Assert.NotEmpty(dialogs.FindAll("[data-testid=unlock-form]")));
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=save-unlock]").Click());
        dialogs.WaitForAssertion(() => Assert.Contains("请填写解锁原因", dialogs.Markup, StringComparison.Ordinal));
        Assert.Equal("true", page.Find(Cell(database.TownshipA)).GetAttribute("data-locked"));

        dialogs.Find("[data-testid=unlock-reason]").Input("收入漏报，按县审核意见更正");
        await dialogs.InvokeAsync(() => dialogs.Find("[data-testid=save-unlock]").Click());
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=unlock-form]")), TimeSpan.FromSeconds(5));
        page.WaitForAssertion(() => Assert.Equal("false", page.Find(Cell(database.TownshipA)).GetAttribute("data-locked")));
        Assert.Contains("收入漏报，按县审核意见更正", page.Find(Cell(database.TownshipA)).TextContent, StringComparison.Ordinal);

        await using var db = database.System();
        var row = await db.YearLocks.SingleAsync();
        Assert.Equal((false, "county", "收入漏报，按县审核意见更正"), (row.IsLocked, row.UnlockedBy, row.UnlockReason));
        Assert.Equal([AuditActions.YearLocked, AuditActions.YearUnlocked],
            await db.AuditLog.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task A_township_official_sees_their_townships_locks_read_only()
    {
        await database.LockAsync(database.TownshipA, Year);
        SignIn("township", PortalRoles.TownshipOfficial, AreaScope.Township(database.CountyId, database.TownshipA));
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        var page = Render<YearLockPage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find(Cell(database.TownshipA)).GetAttribute("data-locked")));
        Assert.NotEmpty(page.FindAll("[data-testid=year-lock-readonly]"));
        Assert.DoesNotContain("乙乡", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid^=lock-]"));
        Assert.Empty(page.FindAll("[data-testid^=unlock-]"));
    }

    [Fact]
    public void A_locked_year_becomes_the_forms_message_and_other_exceptions_pass_on()
    {
        var locked = new YearLockedException(1, Year, YearLock.LockedMessage(Year, "甲镇"));
        Assert.Equal("2024年度甲镇的数据已锁定，不能修改；如需更正请联系县级督导解锁", SaveGuard.Refusal(locked));
        Assert.Null(SaveGuard.Refusal(new InvalidOperationException("其他错误")));
    }
}
