using PovertyPortal.Domain.Households;

namespace PovertyPortal.Domain.Correction;

/// <summary>One member of a subject's 矫正小组 (art. 18).</summary>
public class CorrectionGroupMember : ICorrectionBound
{
    public int Id { get; set; }
    public int CountyId { get; set; }
    public int TownshipId { get; set; }
    public int SubjectId { get; set; }
    public required string Name { get; set; }
    public GroupMemberRole Role { get; set; }
    public Gender Gender { get; set; }

    /// <summary>单位或身份: 司法所, 村委会, 社工站, 家属….</summary>
    public string? Unit { get; set; }

    /// <summary>Works at the 司法所: the leader must.</summary>
    public bool IsJudicialOfficeStaff { get; set; }

    /// <summary>Knows the work with young people (共青团, 学校, 未成年人保护): a minor's group needs one.</summary>
    public bool KnowsYouthWork { get; set; }
}

/// <summary>What a 矫正小组 must be (art. 18, and art. 50 for minors); the announcement is refused otherwise.</summary>
public static class CorrectionGroupRules
{
    public const int MinimumMembers = 3;

    public static IReadOnlyList<string> Check(Gender subjectGender, bool subjectIsMinor, IReadOnlyCollection<CorrectionGroupMember> members)
    {
        var refusals = new List<string>();
        if (members.Count < MinimumMembers) refusals.Add($"矫正小组成员不少于{MinimumMembers}人，现有{members.Count}人");
        var leaders = members.Where(m => m.Role == GroupMemberRole.Leader).ToList();
        if (leaders.Count != 1) refusals.Add("矫正小组须有且只有一名组长");
        else if (!leaders[0].IsJudicialOfficeStaff) refusals.Add("矫正小组组长须由司法所工作人员担任");
        if (subjectGender == Gender.Female && !members.Any(m => m.Gender == Gender.Female)) refusals.Add("矫正对象为女性，矫正小组应有女性成员");
        if (subjectIsMinor && !members.Any(m => m.KnowsYouthWork)) refusals.Add("矫正对象为未成年人，矫正小组应有熟悉青少年工作的成员");
        if (members.Any(m => string.IsNullOrWhiteSpace(m.Name))) refusals.Add("请填写每位小组成员的姓名");
        return refusals;
    }
}
