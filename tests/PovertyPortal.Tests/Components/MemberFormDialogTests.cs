using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Households;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// The member form follows the masking rule (decision 0014): an editor who may not read full IDs or health (the system
/// administrator) sees the birth date as its year and no health, while a township official edits them as before.
/// </summary>
public sealed class MemberFormDialogTests : BunitContext
{
    private static readonly DateOnly Birth = new(1968, 7, 23);

    public MemberFormDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(TimeProvider.System);
        // The form injects SaveMember; these tests never save, so its factory is never asked for a context.
        Services.AddSingleton<IDbContextFactory<PortalDbContext>, NoDatabase>();
        Services.AddScoped<SaveMember>();
    }

    private IRenderedComponent<MudDialogProvider> Open(string role)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("someone");
        auth.SetRoles(role);
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var member = new Member
        {
            Id = 7, HouseholdId = 3, Name = "李俊松", ResidentId = "421129196807231139", BirthDate = Birth,
            Gender = Gender.Male, Relationship = Relationship.Head, Health = HealthStatus.Disabled, DisabilityGrade = 2,
        };
        var parameters = new DialogParameters<MemberFormDialog>
        {
            { d => d.Existing, SaveMember.Command.From(member, DateTimeOffset.UtcNow) },
            { d => d.HouseholdId, 3 },
            { d => d.ResidentIdMasked, ResidentId.Mask(member.ResidentId) },
        };
        var dialogs = Services.GetRequiredService<IDialogService>();
        provider.InvokeAsync(() => dialogs.ShowAsync<MemberFormDialog>("编辑成员", parameters)).GetAwaiter().GetResult();
        return provider;
    }

    [Fact]
    public void The_system_administrator_edits_a_member_without_seeing_the_birth_date_or_health()
    {
        var form = Open(PortalRoles.SystemAdmin);

        Assert.Contains("421129********1139", form.Markup);
        Assert.Equal("1968年", BirthDateShown(form));
        Assert.DoesNotContain("1968-07-23", form.Markup);
        Assert.DoesNotContain("0723", form.Markup);
        Assert.NotEmpty(form.FindAll("[data-testid=health-hidden]"));
        Assert.DoesNotContain("残疾", form.Markup.Replace("残疾等级", "", StringComparison.Ordinal));
    }

    [Fact]
    public void A_township_official_edits_the_birth_date_and_health_as_before()
    {
        var form = Open(PortalRoles.TownshipOfficial);

        Assert.Equal("1968-07-23", BirthDateShown(form));
        Assert.Empty(form.FindAll("[data-testid=health-hidden]"));
    }

    /// <summary>The birth-date field's value, wherever MudBlazor puts the test id (on the input or around it).</summary>
    private static string? BirthDateShown(IRenderedComponent<MudDialogProvider> form)
    {
        var marked = form.Find("[data-testid=birth-date]");
        var input = marked.TagName == "INPUT" ? marked : marked.QuerySelector("input");
        return input?.GetAttribute("value");
    }

    private sealed class NoDatabase : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new InvalidOperationException("These tests never touch a database.");
    }
}
