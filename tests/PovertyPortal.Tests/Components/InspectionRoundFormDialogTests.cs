using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// The round's form (基本信息) and a checklist item's form check field by field with the handlers' validators, say what
/// is wrong in Chinese next to the field, keep what was typed, and never reach a handler while invalid.
/// </summary>
public sealed class InspectionRoundFormDialogTests : BunitContext
{
    public InspectionRoundFormDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // Editing an existing round asks nothing of the database; saving would, and must not happen.
        Services.AddSingleton<IDbContextFactory<PortalDbContext>, NoDatabase>();
        Services.AddScoped<SaveInspectionRound>();
        Services.AddScoped<ListAreaOptions>();
        Services.AddSingleton(new DbContextOptionsBuilder<PortalDbContext>().Options);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<ClientAddress>();
    }

    private IRenderedComponent<MudDialogProvider> Open<TDialog>(DialogParameters<TDialog> parameters) where TDialog : Microsoft.AspNetCore.Components.IComponent
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("county");
        auth.SetRoles(PortalRoles.CountySupervisor);
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        provider.InvokeAsync(() => dialogs.ShowAsync<TDialog>("表单", parameters)).GetAwaiter().GetResult();
        return provider;
    }

    private static void Type(IRenderedComponent<MudDialogProvider> form, string testId, string value)
    {
        var marked = form.Find($"[data-testid={testId}]");
        var input = marked.TagName is "INPUT" or "TEXTAREA" ? marked : marked.QuerySelector("input, textarea")!;
        // Text fields update as typed (Immediate); numeric fields on change.
        if (marked.QuerySelector("input[inputmode=numeric], input[type=number]") is not null || input.GetAttribute("inputmode") == "numeric") input.Change(value);
        else input.Input(value);
    }

    private static InspectionRound Round(string title) => new()
    {
        Id = 7, CountyId = 1, Title = title, Year = 2025, StartDate = new DateOnly(2025, 5, 6), EndDate = new DateOnly(2025, 5, 16),
    };

    [Fact]
    public void An_empty_title_and_no_households_to_draw_are_named_in_chinese_and_nothing_is_saved()
    {
        var form = Open(new DialogParameters<InspectionRoundFormDialog> { { d => d.Existing, Round("") } });
        Type(form, "round-registered-quota", "0");
        Type(form, "round-monitored-quota", "0");
        form.Find("[data-testid=save-round]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("请填写督导方案标题", form.Markup);
            Assert.Contains("每村至少应抽取一户", form.Markup);
        });
        Assert.NotEmpty(form.FindAll("[data-testid=round-form]"));
        Assert.Empty(form.FindAll("[data-testid=round-form-error]"));
    }

    [Fact]
    public void A_year_outside_the_portals_years_is_refused_next_to_it_and_the_title_typed_stays()
    {
        var form = Open(new DialogParameters<InspectionRoundFormDialog> { { d => d.Existing, Round("旧标题") } });
        Type(form, "round-title", "2025年第二季度乡镇交叉检查督导方案");
        Type(form, "round-year", "1999");
        form.Find("[data-testid=save-round]").Click();

        form.WaitForAssertion(() => Assert.Contains($"年度应在{PovertyPortal.Domain.Common.PortalYears.FirstWorkYear}至", form.Markup));
        Assert.DoesNotContain("请填写督导方案标题", form.Markup);
        Assert.Contains("2025年第二季度乡镇交叉检查督导方案", form.Markup);
    }

    [Fact]
    public void A_checklist_item_without_text_stays_open_with_the_message_and_keeps_the_guidance_typed()
    {
        var form = Open(new DialogParameters<ChecklistItemFormDialog> { { d => d.Line, new ChecklistLine { Guidance = "核对户档案" } } });
        form.Find("[data-testid=save-checklist-item]").Click();

        form.WaitForAssertion(() => Assert.Contains("请填写检查内容", form.Markup));
        Assert.Contains("核对户档案", form.Markup);
        Assert.NotEmpty(form.FindAll("[data-testid=checklist-item-form]"));
    }

    private sealed class NoDatabase : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new InvalidOperationException("These tests never touch a database.");
    }
}
