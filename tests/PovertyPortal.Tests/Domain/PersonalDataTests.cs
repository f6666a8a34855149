using PovertyPortal.Domain.Households;

namespace PovertyPortal.Tests.Domain;

/// <summary>The masking rule of decision 0014: a masked ID and what is shown beside it never give the ID back.</summary>
public sealed class PersonalDataTests
{
    private static readonly ResidentId Id = ResidentId.Create("421122", new DateOnly(1968, 7, 15), 123, Gender.Male);

    [Fact]
    public void The_mask_hides_exactly_the_birth_date_so_beside_it_the_birth_date_is_the_year_only()
    {
        Assert.Equal(Id.Value[..6] + "********" + Id.Value[^4..], Id.Masked);
        Assert.Equal("1968年", PersonalData.BirthDate(Id.BirthDate, fullIds: false));
        Assert.Equal("1968-07-15", PersonalData.BirthDate(Id.BirthDate, fullIds: true));
        // The year fills 4 of the 8 hidden digits; month and day (≈366 choices, fewer with the check digit) stay hidden.
        Assert.DoesNotContain("0715", PersonalData.BirthDate(Id.BirthDate, fullIds: false), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("BirthDate", "1968-07-15", false, true, "1968年")]
    [InlineData("BirthDate", "1968-07-15", true, true, "1968-07-15")]
    [InlineData("BirthDate", "不是日期", false, true, PersonalData.Hidden)]
    [InlineData("Health", "残疾（二级）", true, false, PersonalData.Hidden)]
    [InlineData("DisabilityGrade", "2", false, false, PersonalData.Hidden)]
    [InlineData("Health", "残疾（二级）", false, true, "残疾（二级）")]
    [InlineData("Name", "张三", false, false, "张三")]
    [InlineData("BirthDate", null, false, false, null)]
    public void History_values_are_cut_to_what_the_viewer_may_read(string field, string? shown, bool fullIds, bool health, string? expected) =>
        Assert.Equal(expected, PersonalData.Restrict(field, shown, fullIds, health));

    [Fact]
    public void Display_masks_the_ID_and_restricts_a_typed_birth_date()
    {
        Assert.Equal(Id.Masked, PersonalData.Display(nameof(Member.ResidentId), Id.Value, fullIds: false, health: false));
        Assert.Equal("1968年", PersonalData.Display(nameof(Member.BirthDate), new DateTime(1968, 7, 15), fullIds: false, health: false));
        Assert.Equal(PersonalData.Hidden, PersonalData.Display(nameof(Member.Health), HealthStatus.Disabled, fullIds: true, health: false));
    }
}
