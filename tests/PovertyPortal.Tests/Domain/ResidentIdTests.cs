using PovertyPortal.Domain.Households;

namespace PovertyPortal.Tests.Domain;

public sealed class ResidentIdTests
{
    // 11010519491231002X is the worked example of GB 11643-1999 itself.
    private const string StandardExample = "11010519491231002X";

    [Fact]
    public void The_standards_own_example_is_valid_and_says_female_born_1949()
    {
        Assert.True(ResidentId.TryParse(StandardExample, out var id, out var error), error);
        Assert.Equal(new DateOnly(1949, 12, 31), id!.Value.BirthDate);
        Assert.Equal(Gender.Female, id.Value.Gender);
        Assert.Equal("110105", id.Value.AreaCode);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData("110105 19491231 002X")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData(" 11010519491231002X\t")]
    public void Typing_variants_are_normalized(string typed)
    {
        Assert.True(ResidentId.TryParse(typed, out var id, out _));
        Assert.Equal(StandardExample, id!.Value.Value);
    }

    [Theory]
    [InlineData("", "请填写公民身份号码")]
    [InlineData("1101051949123100", "应为18位，当前为16位")]
    [InlineData("11010519491231A02X", "第15位“A”不是数字")]
    [InlineData("11010519491231002Y", "第18位（校验码）只能是数字或X")]
    [InlineData("11010519490231002X", "出生日期“19490231”不是有效日期")]
    [InlineData("110105194912310021", "校验码错误：第18位应为“X”")]
    public void Each_broken_rule_gets_its_own_Chinese_message(string input, string expected)
    {
        Assert.False(ResidentId.TryParse(input, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Masking_keeps_the_first_six_and_last_four()
    {
        Assert.Equal("110105********002X", ResidentId.Mask(StandardExample));
        Assert.Equal("", ResidentId.Mask(null));
    }

    [Theory]
    [InlineData(Gender.Male)]
    [InlineData(Gender.Female)]
    public void Created_ids_are_valid_and_carry_birth_date_and_gender(Gender gender)
    {
        var birth = new DateOnly(1968, 2, 29);
        for (var sequence = 0; sequence < 1000; sequence += 37)
        {
            var id = ResidentId.Create("421124", birth, sequence, gender);
            Assert.Null(ResidentId.Validate(id.Value, out _));
            Assert.Equal(birth, id.BirthDate);
            Assert.Equal(gender, id.Gender);
        }
    }
}
