using PovertyPortal.Domain.Common;

namespace PovertyPortal.Domain.Feeds;

/// <summary>
/// 部门预警信息: one department's list for one month in one county, as uploaded, with the column mapping it was read by
/// (proposed again at the department's next upload) and the counts of its match. A township official's batch is their
/// township's (<see cref="TownshipId"/>); a county supervisor's the county's (null).
/// </summary>
public class FeedBatch : IAuditable
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int? TownshipId { get; set; }
    public FeedDepartment Department { get; set; }

    /// <summary>The department's label, or the name a user gives a list of 其他; one batch per name and month in a county.</summary>
    public required string Name { get; set; }

    public int Year { get; set; }
    public int Month { get; set; }
    public required string FileName { get; set; }

    /// <summary>Field → the file's header, as JSON (<see cref="ColumnMapping"/>).</summary>
    public string Mapping { get; set; } = "{}";

    public DateOnly DueOn { get; set; }
    public int RowCount { get; set; }
    public int InRegisterCount { get; set; }
    public int NearCount { get; set; }
    public int UnmatchedCount { get; set; }

    public List<FeedRow> Rows { get; set; } = [];

    public IReadOnlyDictionary<FeedField, string> ReadMapping() => ColumnMapping.Read<FeedField>(Mapping);

    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    /// <summary>“医保大额医疗支出（2026年11月）”.</summary>
    public string Title => Titled(Name, Year, Month);

    public static string Titled(string name, int year, int month) => $"{name}（{year}年{month}月）";
}

/// <summary>
/// One row of a department's list: the facts as mapped, and what the match found. Lies where its batch lies; the
/// village it matched (in the register or near it) is <see cref="VillageId"/>.
/// </summary>
public class FeedRow
{
    public int Id { get; set; }
    public int FeedBatchId { get; set; }
    public int CountyId { get; set; }
    public int? TownshipId { get; set; }
    public int RowNumber { get; set; }

    /// <summary>As normalized (half-width, upper-case X), valid or not; encrypted at rest.</summary>
    public string? ResidentId { get; set; }

    public string? Name { get; set; }
    public string? VillageCode { get; set; }
    public string? Village { get; set; }
    public string? Address { get; set; }
    public string? Amount { get; set; }
    public string? Date { get; set; }

    /// <summary>Health data for 医保 and 残联 (<see cref="FeedFields.ItemIsHealth"/>): encrypted at rest.</summary>
    public string? Item { get; set; }

    public string? Note { get; set; }

    public FeedMatch Match { get; set; }

    /// <summary>Why an unmatched row is unmatched.</summary>
    public string? Reason { get; set; }

    public int? MatchedVillageId { get; set; }
    public int? HouseholdId { get; set; }
    public int? MemberId { get; set; }
    public int? HomeCheckTaskId { get; set; }
}
