using PovertyPortal.Data;
using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Support;

namespace PovertyPortal.Web.Features.Households;

/// <summary>
/// The household list's 两不愁三保障 filter: households whose check of <see cref="Year"/> failed <see cref="Item"/>
/// (any item when null). The dashboard counts the same failed items, so a count and the list it opens agree.
/// </summary>
public sealed record AssuranceFailure(AssuranceItemKind? Item, int Year)
{
    /// <summary>The value of the <c>assurance</c> query parameter that means "at least one item".</summary>
    public const string AnyItem = "Any";

    public string QueryValue => Item?.ToString() ?? AnyItem;

    /// <summary>What the list shows as the filter's chip.</summary>
    public string Label => Item is { } item ? $"{Year}年“两不愁三保障”核查：{item.Label()}未达标" : $"{Year}年“两不愁三保障”核查：有未达标项";

    /// <summary>Reads the <c>assurance</c> query parameter: an item's name, or <see cref="AnyItem"/>; null for anything else.</summary>
    public static AssuranceFailure? Parse(string? value, int year)
    {
        if (string.Equals(value, AnyItem, StringComparison.OrdinalIgnoreCase)) return new(null, year);
        return Enum.TryParse<AssuranceItemKind>(value, ignoreCase: true, out var item) && Enum.IsDefined(item) ? new(item, year) : null;
    }

    /// <summary>
    /// An EXISTS on the household's check of the year with a failed item, all in the database. The scope is repeated as
    /// plain equalities on the checks and items (as the income filter does) so their CountyId indexes serve it.
    /// </summary>
    public IQueryable<Household> Apply(PortalDbContext db, IQueryable<Household> households)
    {
        var year = Year;
        var met = false;
        var items = ListHouseholds.WithScopeColumns(db.AssuranceItems, db.Scope).Where(i => i.Met == met);
        if (Item is { } kind) items = items.Where(i => i.Kind == kind);
        var checks = ListHouseholds.WithScopeColumns(db.AssuranceChecks, db.Scope)
            .Where(c => c.Year == year && items.Any(i => i.AssuranceCheckId == c.Id));
        return households.Where(h => checks.Any(c => c.HouseholdId == h.Id));
    }
}
