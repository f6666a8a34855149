using System.Reflection;
using System.Text.RegularExpressions;
using PovertyPortal.Domain.Common;

namespace PovertyPortal.Tests.Domain;

/// <summary>The audit viewer and its export show actions and records in Chinese, never the codes' English names.</summary>
public sealed partial class AuditLabelTests
{
    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    public static TheoryData<string> Actions()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
        {
            data.Add((string)field.GetRawConstantValue()!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_action_has_a_chinese_label(string action) =>
        Assert.DoesNotMatch(Latin(), AuditActions.Label(action));

    [Theory]
    [InlineData("Household", "户 12")]
    [InlineData("Member", "成员 12")]
    [InlineData("PortalUser", "用户 12")]
    [InlineData("Township", "乡镇 12")]
    [InlineData("Village", "村 12")]
    [InlineData("VillageGroup", "村民小组 12")]
    [InlineData("Problem", "整改问题 12")]
    [InlineData("SomethingNew", "记录 12")]
    public void A_record_is_named_by_its_kind_in_chinese(string recordType, string expected) =>
        Assert.Equal(expected, AuditActions.RecordLabel(recordType, "12"));
}
