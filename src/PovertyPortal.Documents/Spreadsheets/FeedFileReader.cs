using PovertyPortal.Domain.Feeds;

namespace PovertyPortal.Documents.Spreadsheets;

/// <summary>One row of a department's list: the mapped cells' text (null where empty), the ID as written.</summary>
public sealed class FeedFileRow
{
    public required int SheetRowNumber { get; init; }
    public required string?[] Values { get; init; }

    /// <summary>The ID cell was a number: Excel has already lost its last digits.</summary>
    public bool IdStoredAsNumber { get; init; }

    public string? this[FeedField field] => Values[(int)field];

    public FeedLine ToLine() => new(SheetRowNumber, this[FeedField.ResidentId], this[FeedField.Name], this[FeedField.VillageCode],
        this[FeedField.Village], this[FeedField.Address], IdStoredAsNumber);
}

public sealed class FeedSheet
{
    public required ListHeader? Header { get; init; }
    public required IReadOnlyList<FeedFileRow> Rows { get; init; }

    /// <summary>Why the file could not be read as mapped; null when it was.</summary>
    public string? Failure { get; init; }
}

/// <summary>
/// Reads a department's monthly list (医保, 民政, 教育, 残联, 应急 …) through <see cref="PersonListReader"/>, as 账账相符
/// reads its lists. Unlike there, every row that names a person is kept, a bad or repeated ID too: the match lists it
/// as unmatched with why, or gives the person one task (<see cref="FeedMatching"/>). Only notes (合计, 填表人: neither an
/// ID nor a name) are left out.
/// </summary>
public static class FeedFileReader
{
    private static readonly int FieldCount = FeedFields.All.Count;

    private static IReadOnlyList<string> IdHeaders => FeedFields.Headers(FeedField.ResidentId);

    public static Task<(ListHeader? Header, string? Error)> ReadHeaderAsync(Stream stream, string fileName, CancellationToken cancellationToken = default) =>
        PersonListReader.ReadHeaderAsync(stream, fileName, IdHeaders, cancellationToken);

    public static Dictionary<FeedField, string> Propose(ListHeader header, IReadOnlyDictionary<FeedField, string>? saved) =>
        PersonListReader.Propose(header, FeedFields.All, FeedFields.Headers, saved);

    public static Task<FeedSheet> ReadAsync(Stream stream, string fileName, IReadOnlyDictionary<FeedField, string> mapping,
        CancellationToken cancellationToken = default)
    {
        var missing = FeedFields.Required.Where(f => !mapping.ContainsKey(f)).ToList();
        if (missing.Count > 0)
        {
            return Task.FromResult(new FeedSheet
            {
                Header = null, Rows = [], Failure = $"缺少必需的列：{string.Join("、", missing.Select(f => f.Label()))}。请在“列对应关系”中指定",
            });
        }
        return Task.Run(() =>
        {
            var rows = new List<FeedFileRow>();
            var columns = mapping.Select(p => new PersonListReader.Column((int)p.Key, p.Value, p.Key.Label())).ToList();
            var (header, failure) = PersonListReader.Read(stream, fileName, IdHeaders, columns, FieldCount, (int)FeedField.ResidentId,
                (int)FeedField.Name, (n, values, raw) =>
                {
                    if (values[(int)FeedField.ResidentId] is null && values[(int)FeedField.Name] is null) return;
                    rows.Add(new FeedFileRow { SheetRowNumber = n, Values = values, IdStoredAsNumber = raw is double });
                }, cancellationToken);
            return new FeedSheet { Header = header, Rows = failure is null ? rows : [], Failure = failure };
        }, cancellationToken);
    }
}
