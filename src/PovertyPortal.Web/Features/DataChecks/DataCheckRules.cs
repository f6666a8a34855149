namespace PovertyPortal.Web.Features.DataChecks;

/// <summary>
/// Every rule of the portal, in code order: the classes under Rules/ that derive from <see cref="DataCheckRule"/>. A new
/// rule is one new class; its code must be new too (checked here, at start).
/// </summary>
public sealed class DataCheckRules
{
    public DataCheckRules()
    {
        All = typeof(DataCheckRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(DataCheckRule)) && !t.IsAbstract)
            .Select(t => (DataCheckRule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Code, StringComparer.Ordinal)
            .ToList();
        var repeated = All.GroupBy(r => r.Code).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InvalidOperationException($"Two data-check rules share the code {repeated.Key}.");
        ByCode = All.ToDictionary(r => r.Code);
    }

    public IReadOnlyList<DataCheckRule> All { get; }

    public IReadOnlyDictionary<string, DataCheckRule> ByCode { get; }

    public DataCheckRule? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var rule) ? rule : null;
}
