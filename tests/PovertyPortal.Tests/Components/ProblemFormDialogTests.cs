using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Rectification;
using PovertyPortal.Web.Features.WorkTeams;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// The problem form (问题录入) checks field by field with SaveProblem's validator, says what is missing in Chinese next to
/// each field, keeps what was typed, and never reaches the handler while the form is invalid.
/// </summary>
public sealed class ProblemFormDialogTests : BunitContext
{
    private static readonly ListAreaOptions.Result TwoTownships = new([],
        [new(1, 9, "石桥镇", "421129101"), new(2, 9, "白果镇", "421129102")], [new(11, 1, "栗子湾村", "421129101201")], []);

    public ProblemFormDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // With the areas given and no township chosen, the form asks nothing of the database; saving would, and must not happen.
        Services.AddSingleton<IDbContextFactory<PortalDbContext>, NoDatabase>();
        Services.AddScoped<SaveProblem>();
        Services.AddScoped<ListAreaOptions>();
        Services.AddScoped<ListHouseholdOptions>();
        Services.AddScoped<ListResponsibleUsers>();
        Services.AddSingleton(new DbContextOptionsBuilder<PortalDbContext>().Options);
        Services.AddScoped<AuditLog>();
        Services.AddScoped<ClientAddress>();
    }

    private IRenderedComponent<MudDialogProvider> Open()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("county");
        auth.SetRoles(PortalRoles.CountySupervisor);
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        provider.InvokeAsync(() => dialogs.ShowAsync<ProblemFormDialog>("录入问题",
            new DialogParameters<ProblemFormDialog> { { d => d.Areas, TwoTownships } })).GetAwaiter().GetResult();
        return provider;
    }

    private static void Type(IRenderedComponent<MudDialogProvider> form, string testId, string value)
    {
        var marked = form.Find($"[data-testid={testId}]");
        var input = marked.TagName is "INPUT" or "TEXTAREA" ? marked : marked.QuerySelector("input, textarea")!;
        input.Input(value);
    }

    [Fact]
    public void An_empty_form_names_every_missing_field_in_chinese_and_saves_nothing()
    {
        var form = Open();
        form.Find("[data-testid=save-problem]").Click();

        form.WaitForAssertion(() =>
        {
            Assert.Contains("请填写问题描述", form.Markup);
            Assert.Contains("请选择乡（镇）", form.Markup);
            Assert.Contains("请填写整改责任单位", form.Markup);
            Assert.Contains("请填写整改责任人", form.Markup);
            Assert.Contains("请选择整改时限", form.Markup);
        });
        // Still open: the handler (whose database would throw) was never asked.
        Assert.NotEmpty(form.FindAll("[data-testid=problem-form]"));
        Assert.Empty(form.FindAll("[data-testid=problem-form-error]"));
    }

    [Fact]
    public void A_description_too_long_is_refused_next_to_it_and_what_was_typed_stays()
    {
        var form = Open();
        var longText = new string('问', 2001);
        Type(form, "problem-description", longText);
        Type(form, "problem-unit", "栗子湾村驻村工作队");
        Type(form, "problem-person", "陈志刚");
        form.Find("[data-testid=save-problem]").Click();

        form.WaitForAssertion(() => Assert.Contains("问题描述不能超过2000个字", form.Markup));
        Assert.DoesNotContain("请填写整改责任单位", form.Markup);
        Assert.DoesNotContain("请填写整改责任人", form.Markup);
        Assert.Contains(longText, form.Markup);
        Assert.Contains("栗子湾村驻村工作队", form.Markup);
    }

    private sealed class NoDatabase : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new InvalidOperationException("These tests never touch a database.");
    }
}
