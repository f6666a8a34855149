using Microsoft.AspNetCore.Components;
using MudBlazor;
using PovertyPortal.Domain.DataChecks;
using PovertyPortal.Documents;
using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Areas;
using PovertyPortal.Web.Features.Common;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// 大数据比对: run the checks over the chosen area, read the findings (open by default) and send them to the ledger; the
/// rule list with the county's choices is the second tab.
/// </summary>
public partial class DataCheckResultsPage
{
    [Inject] private RunDataChecks RunDataChecks { get; set; } = default!;
    [Inject] private GetDataCheckOverview GetDataCheckOverview { get; set; } = default!;
    [Inject] private ListDataCheckFindings ListDataCheckFindings { get; set; } = default!;
    [Inject] private ListAreaOptions ListAreaOptions { get; set; } = default!;
    [Inject] private CurrentUser CurrentUser { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ListAreaOptions.Result? areas;
    private GetDataCheckOverview.Overview? overview;
    private MudTable<ListDataCheckFindings.Row>? table;
    private HashSet<ListDataCheckFindings.Row> selected = [];
    private int? countyId, townshipId, villageId;
    private string? ruleCode, search;
    private DataCheckSeverity? severity;
    private ListDataCheckFindings.State show = ListDataCheckFindings.State.Open;
    private int total, tab;
    private bool running, canSend, healthHidden;

    [SupplyParameterFromQuery(Name = "rule")] public string? RuleFromQuery { get; set; }

    private IReadOnlyList<ListAreaOptions.AreaOption> Townships => areas?.Townships.Where(t => t.ParentId == countyId).ToList() ?? [];

    private IReadOnlyList<ListAreaOptions.AreaOption> Villages =>
        areas?.Villages.Where(v => townshipId is null ? Townships.Any(t => t.Id == v.ParentId) : v.ParentId == townshipId).ToList() ?? [];

    private RunDataChecks.Area? Area => countyId is int county ? new(county, CurrentUser.Scope.TownshipId ?? townshipId, CurrentUser.Scope.VillageId ?? villageId) : null;

    private List<long> Sendable => selected.Where(r => r.ResolvedAt is null && r.ProblemId is null).Select(r => r.Id).ToList();

    protected override async Task OnInitializedAsync()
    {
        canSend = PortalRoles.CanRaiseProblems(CurrentUser.Role);
        ruleCode = RuleFromQuery;
        areas = await ListAreaOptions.HandleAsync();
        countyId = CurrentUser.Scope.CountyId ?? (areas.Counties.Count > 0 ? areas.Counties[0].Id : null);
        await ReloadOverviewAsync();
    }

    private async Task ReloadOverviewAsync()
    {
        overview = Area is { } area ? await GetDataCheckOverview.HandleAsync(area) : null;
    }

    private async Task ReloadAsync()
    {
        await ReloadOverviewAsync();
        selected.Clear();
        if (table is not null) await table.ReloadServerData();
    }

    private async Task ChangeAreaAsync(Action change)
    {
        change();
        await ReloadAsync();
    }

    private async Task<TableData<ListDataCheckFindings.Row>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        if (Area is not { } area) return new TableData<ListDataCheckFindings.Row> { Items = [], TotalItems = 0 };
        var result = await ListDataCheckFindings.HandleAsync(new ListDataCheckFindings.Query(area, ruleCode, severity, show, search, state.Page, state.PageSize), cancellationToken);
        (total, healthHidden) = (result.Total, result.HealthHidden);
        return new TableData<ListDataCheckFindings.Row> { Items = result.Rows, TotalItems = result.Total };
    }

    private async Task Refilter(Action change)
    {
        change();
        selected.Clear();
        if (table is not null) await table.ReloadServerData();
    }

    private async Task ShowRuleAsync(string code)
    {
        tab = 0;
        await Refilter(() => { ruleCode = code; show = ListDataCheckFindings.State.Open; });
    }

    private async Task RunAsync()
    {
        if (Area is not { } area) return;
        running = true;
        try
        {
            var result = await RunDataChecks.HandleAsync(area);
            if (!result.Succeeded)
            {
                Snackbar.Add(result.Outcome.Summary, Severity.Error);
                return;
            }
            var o = result.Value!;
            Snackbar.Add($"比对完成：{o.RulesRun}条规则，未解决{o.OpenFindings}条（新发现{o.NewFindings}条，已解决{o.ResolvedFindings}条），用时{o.Took.TotalSeconds:0.0}秒", Severity.Success);
            await ReloadAsync();
        }
        finally
        {
            running = false;
        }
    }

    private async Task SendAsync()
    {
        var chosen = selected.Where(r => r.ResolvedAt is null && r.ProblemId is null).ToList();
        var townships = chosen.Select(r => r.Township).Distinct().ToList();
        var dialog = await Dialogs.ShowAsync<DataCheckLedgerFormDialog>("转入问题整改台账",
            new DialogParameters<DataCheckLedgerFormDialog>
            {
                { d => d.FindingIds, chosen.Select(r => r.Id).ToList() },
                { d => d.ResponsibleUnit, townships.Count == 1 ? DataCheckLedger.ResponsibleUnit(townships[0]) : null },
            },
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: int count })
        {
            Snackbar.Add($"已转入整改台账{count}条", Severity.Success);
            await ReloadAsync();
        }
    }

    private static string StateLabel(ListDataCheckFindings.State state) => state switch
    {
        ListDataCheckFindings.State.Open => "未解决",
        ListDataCheckFindings.State.Resolved => "已解决",
        _ => "全部",
    };

    private static string Day(DateTimeOffset at) => ChineseFormat.BeijingTime(at).ToString("yyyy-MM-dd", ChineseFormat.Culture);

    private static string LastRunText(GetDataCheckOverview.RunRow last) =>
        $"最近一次比对：{ChineseFormat.BeijingTime(last.StartedAt).ToString("yyyy-MM-dd HH:mm", ChineseFormat.Culture)}（{last.Trigger.Label()}，{last.Area}，{last.Year}年数据），"
        + $"{last.RulesRun}条规则，新发现{ChineseFormat.Count(last.New)}条，已解决{ChineseFormat.Count(last.Resolved)}条。";
}
