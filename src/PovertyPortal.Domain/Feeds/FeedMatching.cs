using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Feeds;

/// <summary>A row of a department's list as the match reads it.</summary>
public sealed record FeedLine(int RowNumber, string? ResidentIdText, string? Name, string? VillageCode, string? Village, string? Address,
    bool IdStoredAsNumber = false);

/// <summary>A member of the register found by a row's ID.</summary>
public sealed record RegisteredPerson(string ResidentId, int MemberId, int HouseholdId, int TownshipId, int VillageId, string Name);

/// <summary>A village of the uploader's area, with its township's name for telling apart villages of the same name.</summary>
public sealed record KnownVillage(int Id, int TownshipId, string AdminCode, string Name, string TownshipName);

/// <summary>
/// What the match found for one row. <see cref="PersonKey"/> (the normalized ID) is the same for every row of one
/// person: one home-check task each, however often the department lists them.
/// </summary>
public sealed record LineMatch(FeedLine Line, FeedMatch Match, string ResidentId, string? Reason, RegisteredPerson? Person, KnownVillage? Village)
{
    public string? PersonKey => Match == FeedMatch.Unmatched ? null : ResidentId;
    public int? VillageId => Person?.VillageId ?? Village?.Id;
}

/// <summary>
/// The matching rules of the departments' lists: (1) the ID is a member of the register in the area → 在册; (2) the ID
/// is valid but not in the register, and the row's village (its code, or its name in the village or address column) is
/// one of the area's → 本村未在册, a possible new 监测对象; (3) else unmatched, with why. Pure: the register's people and the
/// area's villages are read by the caller, through the user's scope.
/// </summary>
public static class FeedMatching
{
    public const string IdAsNumber = "身份证号被Excel存成了数字，后几位已丢失，无法匹配";

    public static IReadOnlyList<LineMatch> Match(IReadOnlyList<FeedLine> lines, IReadOnlyDictionary<string, RegisteredPerson> registered,
        IReadOnlyList<KnownVillage> villages, string countyAdminCode)
    {
        var matches = new List<LineMatch>(lines.Count);
        // The first row of a person decides their village: a person listed twice is visited once, by one village.
        var placed = new Dictionary<string, KnownVillage>(StringComparer.Ordinal);
        foreach (var line in lines) matches.Add(MatchOne(line, registered, villages, countyAdminCode, placed));
        return matches;
    }

    private static LineMatch MatchOne(FeedLine line, IReadOnlyDictionary<string, RegisteredPerson> registered, IReadOnlyList<KnownVillage> villages,
        string countyAdminCode, Dictionary<string, KnownVillage> placed)
    {
        if (line.IdStoredAsNumber) return new LineMatch(line, FeedMatch.Unmatched, "", IdAsNumber, null, null);
        if (ResidentId.Validate(line.ResidentIdText, out var id) is { } idError)
        {
            return new LineMatch(line, FeedMatch.Unmatched, id, string.IsNullOrEmpty(id) ? "没有身份证号，无法匹配" : idError, null, null);
        }
        if (registered.TryGetValue(id, out var person)) return new LineMatch(line, FeedMatch.InRegister, id, null, person, null);
        if (placed.TryGetValue(id, out var again)) return new LineMatch(line, FeedMatch.NearRegister, id, null, null, again);

        var village = FindVillage(line, villages, countyAdminCode, out var why);
        if (village is null)
        {
            var county = countyAdminCode.Length >= 6 ? countyAdminCode[..6] : countyAdminCode;
            // Without a village, the ID's own address code tells at least whether the person was registered elsewhere.
            why ??= id[..6] != county ? "不在册，身份证地址码不属于本县，文件中也没有所在村" : "不在册，文件中没有所在村或村代码，无法确定由哪个村核实";
            return new LineMatch(line, FeedMatch.Unmatched, id, why, null, null);
        }
        placed[id] = village;
        return new LineMatch(line, FeedMatch.NearRegister, id, null, null, village);
    }

    /// <summary>
    /// The row's village: by its 12-digit code, else by a village name found in the village column, else in the address.
    /// A name that several villages of the area bear is told apart by the township's name in the same text; when it
    /// cannot be, the row is unmatched rather than sent to the wrong village. <paramref name="why"/> says why none was found
    /// when the row named one.
    /// </summary>
    public static KnownVillage? FindVillage(FeedLine line, IReadOnlyList<KnownVillage> villages, string countyAdminCode, out string? why)
    {
        why = null;
        var code = ResidentId.Normalize(line.VillageCode);
        if (code.Length > 0)
        {
            var byCode = villages.FirstOrDefault(v => v.AdminCode == code);
            if (byCode is not null) return byCode;
            why = code.Length >= 6 && countyAdminCode.Length >= 6 && code[..6] != countyAdminCode[..6]
                ? $"村代码“{code}”不属于本县"
                : $"村代码“{code}”在您的管辖范围内找不到";
        }
        foreach (var text in new[] { line.Village, line.Address })
        {
            var clean = ResidentId.Normalize(text);
            if (clean.Length == 0) continue;
            var named = villages.Where(v => clean.Contains(v.Name, StringComparison.Ordinal)).ToList();
            // 大王村 also contains 王村: the longest name found is the village meant.
            if (named.Count > 1)
            {
                var longest = named.Max(v => v.Name.Length);
                named = named.Where(v => v.Name.Length == longest).ToList();
            }
            if (named.Count > 1) named = named.Where(v => clean.Contains(v.TownshipName, StringComparison.Ordinal)).ToList();
            if (named.Count == 1) return named[0];
            why ??= named.Count > 1 || villages.Count(v => clean.Contains(v.Name, StringComparison.Ordinal)) > 1
                ? $"“{text!.Trim()}”有重名的村，请在文件中写明乡镇或村代码"
                : $"“{text!.Trim()}”不是您管辖范围内的村";
        }
        return null;
    }

    /// <summary>One person's facts as the task shows them: “金额 12000；日期 2026-11-03” per row, rows joined by “／”.</summary>
    public static string Fact(IEnumerable<(string? Amount, string? Date, string? Note)> rows)
    {
        var parts = rows.Select(r => string.Join("；", new[]
            {
                r.Amount is null ? null : $"{FeedField.Amount.Label()} {r.Amount}",
                r.Date is null ? null : $"{FeedField.Date.Label()} {r.Date}",
                r.Note is null ? null : $"{FeedField.Note.Label()} {r.Note}",
            }.Where(p => p is not null)))
            .Where(p => p.Length > 0).Distinct().ToList();
        return parts.Count == 0 ? "（部门名单未列明细）" : string.Join("／", parts);
    }

    /// <summary>The items of one person's rows (a diagnosis, a change, a disaster), each once; null when none.</summary>
    public static string? Items(IEnumerable<string?> items)
    {
        var distinct = items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).Distinct().ToList();
        return distinct.Count == 0 ? null : string.Join("／", distinct);
    }
}
