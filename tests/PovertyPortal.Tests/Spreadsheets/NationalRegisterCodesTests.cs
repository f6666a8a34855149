using PovertyPortal.Domain.Households;
using PovertyPortal.Documents.Spreadsheets;

namespace PovertyPortal.Tests.Spreadsheets;

/// <summary>The words of the national system's 花名册 export read as the portal's values, so its files import unedited.</summary>
public sealed class NationalRegisterCodesTests
{
    [Theory]
    [InlineData("之外孙子", Relationship.Grandson)]
    [InlineData("之外孙女", Relationship.Granddaughter)]
    [InlineData("之兄弟姐妹", Relationship.Sibling)]
    [InlineData("之岳母", Relationship.Other)]
    [InlineData("之公公", Relationship.Other)]
    [InlineData("之祖父", Relationship.Other)]
    public void Relationships(string text, Relationship expected)
    {
        Assert.True(RegisterValues.TryParse(text, out Relationship value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("三年级", SchoolingStatus.Primary)]
    [InlineData("八年级", SchoolingStatus.JuniorHigh)]
    [InlineData("高中二年级", SchoolingStatus.SeniorHigh)]
    [InlineData("中职一年级", SchoolingStatus.Vocational)]
    [InlineData("高职三年级", SchoolingStatus.College)]
    [InlineData("学前教育", SchoolingStatus.Preschool)]
    public void Schooling(string text, SchoolingStatus expected)
    {
        Assert.True(RegisterValues.TryParse(text, out SchoolingStatus value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("残疾", null)]
    [InlineData("肢体残疾", null)]
    [InlineData("残疾（二级）", 2)]
    public void Disability_with_or_without_a_grade(string text, int? grade)
    {
        Assert.True(RegisterValues.TryParse(text, out HealthStatus value, out var parsedGrade));
        Assert.Equal((HealthStatus.Disabled, grade), (value, parsedGrade));
    }
}
