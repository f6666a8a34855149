using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MudBlazor.Services;
using PovertyPortal.Data;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Inspections;
using PovertyPortal.Web.Identity;
using PovertyPortal.Web.Infrastructure;

namespace PovertyPortal.Tests.Components;

/// <summary>
/// One checklist item on the inspection page: what is saved shows as saved, a local draft (left by a lost connection)
/// takes its place marked 草稿未保存, every field the user types in carries its draft key, and a photo item offers
/// the camera instead of a save.
/// </summary>
public sealed class InspectionItemCardTests : BunitContext
{
    private static readonly ChecklistItem Check = new()
    {
        Id = 31, Area = ChecklistArea.ConsolidatingGains, Order = 1, Text = "住房安全有保障", Per = CheckedPer.Household, AnswerType = AnswerType.Compliance,
    };

    private static readonly ChecklistItem Photo = new()
    {
        Id = 32, Area = ChecklistArea.ConsolidatingGains, Order = 2, Text = "住房现状照片", Per = CheckedPer.Household, AnswerType = AnswerType.Photo,
    };

    private static readonly GetInspectionItems.AnswerView Saved =
        new(5, Compliance.Met, null, null, "砖混结构", new DateTimeOffset(2026, 12, 7, 2, 30, 0, TimeSpan.Zero), "township2");

    public InspectionItemCardTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddHttpContextAccessor();
        Services.AddScoped<CurrentUser>();
        Services.AddSingleton(TimeProvider.System);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "portal-card-tests"),
        }).Build();
        Services.AddSingleton<IConfiguration>(configuration);
        Services.AddSingleton<IHostEnvironment>(new TestEnvironment());
        Services.AddSingleton<PortalPaths>();
        // Rendering asks nothing of the database; a save would, and these tests never save.
        Services.AddSingleton<IDbContextFactory<PortalDbContext>, NoDatabase>();
        Services.AddSingleton(new DbContextOptionsBuilder<PortalDbContext>().Options);
        Services.AddScoped<InspectionAccess>();
        Services.AddScoped<SaveInspectionAnswer>();
        Services.AddScoped<AddInspectionPhoto>();
        Services.AddScoped<ActOnFinding>();
        Services.AddScoped<AuditLog>();
        Services.AddScoped<ClientAddress>();
        var auth = AddAuthorization();
        auth.SetAuthorized("township2");
        auth.SetRoles(PortalRoles.TownshipOfficial);
    }

    private IRenderedComponent<InspectionItemCard> Render(GetInspectionItems.ItemRow row, Dictionary<string, string>? drafts = null) =>
        Render<InspectionItemCard>(p => p
            .Add(c => c.PairId, 7)
            .Add(c => c.Place, InspectionPlace.Household(101))
            .Add(c => c.Row, row)
            .Add(c => c.CanWrite, true)
            .Add(c => c.DraftPrefix, "inspection:7:h101:")
            .Add(c => c.Drafts, drafts ?? []));

    private static string NoteOf(IRenderedComponent<InspectionItemCard> card) =>
        card.Find("[data-testid=answer-note] textarea, textarea[data-testid=answer-note]").GetAttribute("value")
            ?? card.Find("[data-testid=answer-note] textarea, textarea[data-testid=answer-note]").TextContent;

    [Fact]
    public void A_saved_answer_shows_as_saved_with_its_choice_and_note()
    {
        var card = Render(new GetInspectionItems.ItemRow(Check, Saved, [], null));
        Assert.Empty(card.FindAll("[data-testid=item-draft]"));
        Assert.Contains("mud-button-filled", card.Find("[data-testid=answer-Met]").ClassName);
        Assert.DoesNotContain("mud-button-filled", card.Find("[data-testid=answer-NotMet]").ClassName);
        Assert.Equal("砖混结构", NoteOf(card));
        Assert.Contains("已保存 12-07 10:30 township2", card.Markup);
    }

    [Fact]
    public void A_local_draft_replaces_what_is_saved_and_says_it_is_not_saved_yet()
    {
        var card = Render(new GetInspectionItems.ItemRow(Check, Saved, [], null), new Dictionary<string, string>
        {
            ["inspection:7:h101:31:c"] = "NotMet",
            ["inspection:7:h101:31:note"] = "后墙开裂",
            // Another item's draft is not this card's business.
            ["inspection:7:h101:99:note"] = "别的项目",
        });
        Assert.NotEmpty(card.FindAll("[data-testid=item-draft]"));
        Assert.Contains("mud-button-filled", card.Find("[data-testid=answer-NotMet]").ClassName);
        Assert.Equal("后墙开裂", NoteOf(card));
        Assert.Contains("发现的问题（必填）", card.Markup);
    }

    [Fact]
    public void Every_field_the_user_fills_carries_its_draft_key()
    {
        var card = Render(new GetInspectionItems.ItemRow(Check, null, [], null));
        Assert.Equal("inspection:7:h101:31:c", card.Find("[data-testid=answer-Met]").GetAttribute("data-draft-key"));
        Assert.Equal("NotMet", card.Find("[data-testid=answer-NotMet]").GetAttribute("data-draft-value"));
        Assert.Single(card.FindAll("[data-draft-key='inspection:7:h101:31:note']"));
        // Not yet saved: photos wait for the answer.
        Assert.Empty(card.FindAll("[data-testid=item-photo-upload]"));
    }

    [Fact]
    public void A_photo_item_is_answered_by_its_photo_without_a_save_button()
    {
        var card = Render(new GetInspectionItems.ItemRow(Photo, null, [], null));
        Assert.Empty(card.FindAll("[data-testid=save-item]"));
        Assert.Contains("拍照/上传照片", card.Markup);
    }

    private sealed class NoDatabase : IDbContextFactory<PortalDbContext>
    {
        public PortalDbContext CreateDbContext() => throw new InvalidOperationException("These tests never touch a database.");
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "PovertyPortal.Web";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
