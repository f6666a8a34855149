using PovertyPortal.Web.Features.Users;
using PovertyPortal.Web.Identity;

namespace PovertyPortal.Tests.Identity;

public sealed class ChinesePasswordValidatorTests
{
    [Theory]
    [InlineData("Short1!", "至少为12位")]
    [InlineData("alllowercaseletters", "三类")]
    [InlineData("ALLUPPER12345", "三类")]
    [InlineData("ALLUPPER-12345", null)]
    [InlineData("lower-and-sym1", null)]
    [InlineData("onlylowerand123", "三类")]
    [InlineData("Zhangsan-2026x", "不能包含用户名")]
    public void Requires_twelve_characters_of_three_classes(string password, string? expected)
    {
        var error = ChinesePasswordValidator.Check(password, "zhangsan");
        if (expected is null) Assert.Null(error);
        else Assert.Contains(expected, error);
    }

    [Fact]
    public void Temporary_passwords_always_pass_the_policy()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = ResetUserPassword.NewTemporaryPassword();
            Assert.Null(ChinesePasswordValidator.Check(password, "someone"));
        }
    }
}
