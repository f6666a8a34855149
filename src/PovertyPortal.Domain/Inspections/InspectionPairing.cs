namespace PovertyPortal.Domain.Inspections;

/// <summary>"Inspecting township → inspected township".</summary>
public readonly record struct TownshipPair(int InspectingTownshipId, int InspectedTownshipId)
{
    public TownshipPair Reversed => new(InspectedTownshipId, InspectingTownshipId);
}

/// <summary>A township as the pairing rules need it: its id and the name the messages quote.</summary>
public sealed record TownshipRef(int Id, string Name);

/// <summary>A pairing rule's finding: an error blocks saving the round's pairs, a warning is shown and may be accepted.</summary>
public sealed record PairingIssue(bool IsError, string Message);

/// <summary>The portal's proposal for a round: the pairs, and what it could not avoid, in Chinese.</summary>
public sealed record RotationProposal(IReadOnlyList<TownshipPair> Pairs, IReadOnlyList<string> Notes);

/// <summary>
/// The pairing rules of cross-inspection: a township never inspects itself, each township inspects one township and is
/// inspected by one, a pair of the previous round should not come again, and two townships should not inspect each
/// other in the same round (they would go easy on each other).
/// </summary>
public static class InspectionPairing
{
    /// <summary>
    /// Proposes a rotation over the townships in the order given (the caller passes them by 区划代码, so that a
    /// proposal reads as "each township inspects the one N places after it"). It tries, from strictest to loosest:
    /// no repeat and no mutual pair; no repeat; no mutual pair; any pairing without self-inspection. Within a level it
    /// takes the first shift (1, 2, …) that fits and otherwise searches for any fitting pairing, so the same input
    /// always gives the same proposal. What had to be given up is said in <see cref="RotationProposal.Notes"/>.
    /// </summary>
    public static RotationProposal Propose(IReadOnlyList<TownshipRef> townships, IEnumerable<TownshipPair> previousRound)
    {
        var n = townships.Count;
        if (n < 2) return new RotationProposal([], ["至少需要两个乡镇才能交叉检查"]);
        if (townships.Select(t => t.Id).Distinct().Count() != n) throw new ArgumentException("乡镇重复", nameof(townships));

        var previous = previousRound.ToHashSet();
        var index = townships.Select((t, i) => (t.Id, i)).ToDictionary(x => x.Id, x => x.i);
        // forbidden[i] = the township i inspected last round (an index), or -1.
        var forbidden = Enumerable.Repeat(-1, n).ToArray();
        foreach (var p in previous)
        {
            if (index.TryGetValue(p.InspectingTownshipId, out var from) && index.TryGetValue(p.InspectedTownshipId, out var to))
                forbidden[from] = to;
        }

        (bool avoidRepeat, bool avoidMutual)[] levels = [(true, true), (true, false), (false, true), (false, false)];
        foreach (var (avoidRepeat, avoidMutual) in levels)
        {
            if (FindPairing(n, avoidRepeat ? forbidden : null, avoidMutual) is not { } target) continue;
            var pairs = Enumerable.Range(0, n).Select(i => new TownshipPair(townships[i].Id, townships[target[i]].Id)).ToList();
            return new RotationProposal(pairs, Notes(pairs, townships, previous));
        }
        // Unreachable: any two or more townships can at least be paired without self-inspection.
        throw new InvalidOperationException("No pairing found");
    }

    /// <summary>
    /// Checks a pairing as a supervisor edited it. Errors: a township not of the round's townships, inspecting itself,
    /// inspecting two townships or inspected twice. Warnings: a pair of the previous round again, two townships
    /// inspecting each other, a township nobody inspects.
    /// </summary>
    public static IReadOnlyList<PairingIssue> Validate(
        IReadOnlyList<TownshipPair> pairs, IReadOnlyList<TownshipRef> townships, IEnumerable<TownshipPair> previousRound)
    {
        var names = townships.ToDictionary(t => t.Id, t => t.Name);
        string Name(int id) => names.TryGetValue(id, out var name) ? name : $"乡镇{id}";
        var issues = new List<PairingIssue>();
        void Error(string message) => issues.Add(new PairingIssue(true, message));
        void Warning(string message) => issues.Add(new PairingIssue(false, message));

        if (pairs.Count == 0) Error("请安排至少一组交叉检查");
        for (var i = 0; i < pairs.Count; i++)
        {
            var p = pairs[i];
            if (!names.ContainsKey(p.InspectingTownshipId)) Error($"第{i + 1}组的检查乡镇不在本县参检乡镇之列");
            if (!names.ContainsKey(p.InspectedTownshipId)) Error($"第{i + 1}组的被检查乡镇不在本县参检乡镇之列");
            if (p.InspectingTownshipId == p.InspectedTownshipId) Error($"{Name(p.InspectingTownshipId)}不能检查本乡镇");
        }
        foreach (var g in pairs.GroupBy(p => p.InspectingTownshipId).Where(g => g.Count() > 1))
            Error($"{Name(g.Key)}被安排检查{string.Join("、", g.Select(p => Name(p.InspectedTownshipId)))}，每个乡镇一轮只检查一个乡镇");
        foreach (var g in pairs.GroupBy(p => p.InspectedTownshipId).Where(g => g.Count() > 1))
            Error($"{Name(g.Key)}被{string.Join("、", g.Select(p => Name(p.InspectingTownshipId)))}重复检查，每个乡镇一轮只由一个乡镇检查");

        var previous = previousRound.ToHashSet();
        foreach (var p in pairs.Where(previous.Contains).Distinct())
            Warning($"{Name(p.InspectingTownshipId)}检查{Name(p.InspectedTownshipId)}与上一轮相同");
        var set = pairs.ToHashSet();
        foreach (var p in set.Where(p => p.InspectingTownshipId < p.InspectedTownshipId && set.Contains(p.Reversed)))
            Warning($"{Name(p.InspectingTownshipId)}与{Name(p.InspectedTownshipId)}互相检查");
        var inspected = pairs.Select(p => p.InspectedTownshipId).ToHashSet();
        foreach (var t in townships.Where(t => !inspected.Contains(t.Id)))
            Warning($"{t.Name}本轮未安排检查");
        return issues;
    }

    private static List<string> Notes(List<TownshipPair> pairs, IReadOnlyList<TownshipRef> townships, HashSet<TownshipPair> previous)
    {
        // The proposal is a complete pairing, so only the two soft rules can have been given up.
        var notes = Validate(pairs, townships, previous).Where(i => !i.IsError).Select(i => i.Message).ToList();
        if (townships.Count == 2) notes.Insert(0, "仅有两个乡镇，只能互相检查");
        return notes;
    }

    // Search budget: far beyond what a county's 10–40 townships need (a fitting shift is found at once in practice),
    // it only bounds the search when a level has no solution and the next level must be tried.
    private const int SearchBudget = 200_000;

    /// <summary>target[i] = the index township i inspects, or null when no pairing fits the constraints.</summary>
    private static int[]? FindPairing(int n, int[]? forbidden, bool avoidMutual)
    {
        for (var shift = 1; shift < n; shift++)
        {
            var target = Enumerable.Range(0, n).Select(i => (i + shift) % n).ToArray();
            if (Fits(target, forbidden, avoidMutual)) return target;
        }

        var assigned = Enumerable.Repeat(-1, n).ToArray();
        var taken = new bool[n];
        var budget = SearchBudget;
        return Search(0) ? assigned : null;

        bool Search(int i)
        {
            if (i == n) return true;
            if (--budget < 0) return false;
            for (var step = 1; step < n; step++)
            {
                var j = (i + step) % n;
                if (taken[j] || (forbidden is not null && forbidden[i] == j) || (avoidMutual && assigned[j] == i)) continue;
                assigned[i] = j;
                taken[j] = true;
                if (Search(i + 1)) return true;
                assigned[i] = -1;
                taken[j] = false;
            }
            return false;
        }
    }

    private static bool Fits(int[] target, int[]? forbidden, bool avoidMutual)
    {
        for (var i = 0; i < target.Length; i++)
        {
            if (target[i] == i) return false;
            if (forbidden is not null && forbidden[i] == target[i]) return false;
            if (avoidMutual && target[target[i]] == i) return false;
        }
        return true;
    }
}
