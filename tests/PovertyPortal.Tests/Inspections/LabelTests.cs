using System.Text.RegularExpressions;
using PovertyPortal.Domain.Inspections;
using PovertyPortal.Domain.Rectification;

namespace PovertyPortal.Tests.Inspections;

/// <summary>Every value of the inspection and ledger enums reads in Chinese, never as its English code.</summary>
public sealed partial class LabelTests
{
    [GeneratedRegex("[A-Za-z]")]
    private static partial Regex Latin();

    public static TheoryData<string, string> Values()
    {
        var data = new TheoryData<string, string>();
        foreach (var type in typeof(InspectionRound).Assembly.GetTypes().Where(t => t.IsEnum
                     && t.Namespace is "PovertyPortal.Domain.Inspections" or "PovertyPortal.Domain.Rectification"))
        {
            foreach (var value in Enum.GetValues(type).Cast<Enum>())
            {
                var label = type.Namespace == "PovertyPortal.Domain.Inspections" ? InspectionLabels.LabelOf(value) : RectificationLabels.LabelOf(value);
                data.Add($"{type.Name}.{value}", label);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Values))]
    public void Every_value_has_a_chinese_label(string value, string label)
    {
        Assert.DoesNotMatch(Latin(), label);
        Assert.Matches("\\p{IsCJKUnifiedIdeographs}", label);
        Assert.NotEqual(value, label);
    }

    [Fact]
    public void The_visit_modes_say_when_each_is_used() =>
        Assert.Equal(["入户检查", "电话访问（不在家）", "访问村干部（无法联系）"], Enum.GetValues<VisitMode>().Select(v => v.Label()));
}
