using System.Data.Common;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Features.Microloans;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// A dialog whose save meets an unreachable database (decision 0019) stays open, says in Chinese that nothing was
/// saved, and keeps what was typed; the exception does not reach the circuit.
/// </summary>
public sealed class SaveGuardDialogTests : BunitContext
{
    public SaveGuardDialogTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<IDbContextFactory<PortalDbContext>, Unreachable>();
        Services.AddScoped<SaveMicroloan>();
    }

    [Fact]
    public async Task A_save_that_cannot_reach_the_database_keeps_the_dialog_and_its_typing_and_says_nothing_was_saved()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("township");
        auth.SetRoles(PortalRoles.TownshipOfficial);
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var loan = new SaveMicroloan.Command
        {
            HouseholdNumber = "421129101201001", Principal = 50000m, StartDate = new DateTime(2019, 3, 1), DueDate = new DateTime(2022, 3, 1),
            Lender = "县农商行",
        };
        var parameters = new DialogParameters<MicroloanFormDialog> { { d => d.Existing, loan } };
        var dialogs = Services.GetRequiredService<IDialogService>();
        await provider.InvokeAsync(() => dialogs.ShowAsync<MicroloanFormDialog>("登记贷款", parameters));

        await provider.Find("[data-testid=save-microloan]").ClickAsync(new Microsoft.AspNetCore.Components.Web.MouseEventArgs());

        provider.WaitForAssertion(() => Assert.Equal(SaveGuard.Unavailable, provider.Find("[data-testid=form-error]").TextContent.Trim()));
        Assert.NotEmpty(provider.FindAll("[data-testid=microloan-form]"));
        Assert.Contains("421129101201001", provider.Markup, StringComparison.Ordinal);
        Assert.Contains("县农商行", provider.Markup, StringComparison.Ordinal);
    }

    /// <summary>What Npgsql throws when the server does not answer: a transient provider error.</summary>
    private sealed class ServerGone : DbException
    {
        public ServerGone() : base("Failed to connect to 127.0.0.1:5432") { }

        public override bool IsTransient => true;
    }

    private sealed class Unreachable : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new ServerGone();
    }
}
