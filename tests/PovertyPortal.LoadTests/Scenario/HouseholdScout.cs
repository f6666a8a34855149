using PovertyPortal.LoadTests.Blazor;

namespace PovertyPortal.LoadTests.Scenario;

/// <summary>
/// Before the ramp, one circuit per account pages through the household list (下一页) and claims households for that
/// account's virtual users, never one another account already claimed: two users never save the same row even
/// where scopes overlap (a township and a village team inside it). Setup only; not timed.
/// </summary>
public static class HouseholdScout
{
    public static async Task ScoutAsync(Account account, int wanted, SaveLedger ledger, int firstUserId, CancellationToken cancel)
    {
        await using var circuit = new BlazorCircuit(account.Shared.Http);
        await circuit.OpenAsync("households", cancel);
        var timeout = TimeSpan.FromSeconds(30);
        var seen = new HashSet<string>();
        // A role that cannot edit the register (no 新增户 button) saves nothing: it claims no household.
        if (await circuit.WaitForAsync(d => d.HouseholdLinks().Count > 0, timeout, cancel) is not null &&
            circuit.Dom.ByTestId("new-household") is null)
            wanted = 0;
        for (var page = 0; page < 100 && (account.Unassigned.Count < wanted || account.Visible.Count == 0); page++)
        {
            if (await circuit.WaitForAsync(d => d.HouseholdLinks().Any(l => !seen.Contains(l.Number)), timeout, cancel) is null) break;
            foreach (var (number, href) in circuit.Dom.HouseholdLinks())
            {
                if (!seen.Add(number)) continue;
                var household = new OwnedHousehold(number, href);
                account.Visible.Add(household);
                if (account.Unassigned.Count < wanted && ledger.TryClaim(number, firstUserId)) account.Unassigned.Enqueue(household);
            }
            var next = circuit.Dom.Find(n => n.Tag == "button" && n.GetAttribute("aria-label") == "下一页");
            if (next is null || next.GetAttribute("disabled") is not null) break;
            await circuit.ClickAsync(next);
        }
    }
}
