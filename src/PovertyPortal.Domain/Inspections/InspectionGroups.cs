namespace PovertyPortal.Domain.Inspections;

/// <summary>The rules on the groups of a round's pairs.</summary>
public static class InspectionGroups
{
    /// <summary>
    /// Checks every group of a round: one leader each, every person named, nobody twice in a group or in two groups of
    /// the round, and no user of the inspected township in the group that inspects it (a township never inspects
    /// itself, through its people either). <paramref name="townshipOfUser"/> gives the township an account is bound to
    /// (null for county-level accounts); accounts missing from it are taken as county-level.
    /// </summary>
    public static IReadOnlyList<string> Validate(
        IReadOnlyList<InspectionPair> pairs, IReadOnlyList<TownshipRef> townships, IReadOnlyDictionary<string, int?> townshipOfUser)
    {
        var names = townships.ToDictionary(t => t.Id, t => t.Name);
        string Name(int id) => names.TryGetValue(id, out var name) ? name : $"乡镇{id}";
        string GroupName(InspectionPair p) => $"{Name(p.InspectingTownshipId)}检查{Name(p.InspectedTownshipId)}组";
        var errors = new List<string>();

        foreach (var pair in pairs)
        {
            var group = GroupName(pair);
            var leaders = pair.Group.Count(m => m.Role == GroupRole.Leader);
            if (leaders == 0) errors.Add($"{group}没有组长");
            if (leaders > 1) errors.Add($"{group}有{leaders}名组长，只能有一名");
            if (pair.Group.Any(m => string.IsNullOrWhiteSpace(m.Name))) errors.Add($"{group}有成员未填写姓名");
            foreach (var twice in pair.Group.Where(m => m.UserId is not null).GroupBy(m => m.UserId).Where(g => g.Count() > 1))
                errors.Add($"{twice.First().Name}在{group}中出现了{twice.Count()}次");
            foreach (var member in pair.Group.Where(m => m.UserId is not null))
            {
                if (townshipOfUser.TryGetValue(member.UserId!, out var township) && township == pair.InspectedTownshipId)
                    errors.Add($"{member.Name}是{Name(pair.InspectedTownshipId)}的干部，不能参加检查本乡镇的{group}");
            }
        }

        var byUser = pairs.SelectMany(p => p.Group.Where(m => m.UserId is not null).Select(m => (Pair: p, Member: m)))
            .GroupBy(x => x.Member.UserId);
        foreach (var user in byUser)
        {
            var groups = user.Select(x => x.Pair).Distinct().ToList();
            if (groups.Count > 1)
                errors.Add($"{user.First().Member.Name}同时在{string.Join("、", groups.Select(GroupName))}，一人本轮只能参加一个检查组");
        }
        return errors;
    }
}
