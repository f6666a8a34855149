using PovertyPortal.Domain.Users;
using PovertyPortal.Web.Features.Users;

namespace PovertyPortal.Tests.Users;

public sealed class SaveUserValidatorTests
{
    private readonly SaveUser.Validator validator = new();

    [Fact]
    public void A_complete_township_official_is_valid()
    {
        var command = new SaveUser.Command
        {
            UserName = "lichunhua", DisplayName = "李春华", Role = PortalRoles.TownshipOfficial,
            CountyId = 1, TownshipId = 2, InitialPassword = "Qingshi-2026-xyz",
        };
        Assert.True(validator.Validate(command).IsValid);
    }

    [Fact]
    public void Every_missing_field_gets_a_Chinese_message_on_that_field()
    {
        var result = validator.Validate(new SaveUser.Command { Role = PortalRoles.WorkTeamLeader, UserName = "张三丰" });
        var errors = result.Errors.ToDictionary(e => e.PropertyName, e => e.ErrorMessage);
        Assert.Contains("只能包含英文字母", errors[nameof(SaveUser.Command.UserName)]);
        Assert.Equal("请填写姓名", errors[nameof(SaveUser.Command.DisplayName)]);
        Assert.Equal("请选择所属县（市、区）", errors[nameof(SaveUser.Command.CountyId)]);
        Assert.Equal("请选择所属乡（镇）", errors[nameof(SaveUser.Command.TownshipId)]);
        Assert.Equal("请选择所驻行政村", errors[nameof(SaveUser.Command.VillageId)]);
        Assert.Equal("请输入密码", errors[nameof(SaveUser.Command.InitialPassword)]);
    }

    [Fact]
    public void An_existing_user_needs_no_password_and_a_system_admin_no_area()
    {
        var command = new SaveUser.Command { Id = "x", UserName = "admin2", DisplayName = "管理员", Role = PortalRoles.SystemAdmin };
        Assert.True(validator.Validate(command).IsValid);
    }

    [Fact]
    public void Nobody_can_grant_a_role_above_their_own()
    {
        Assert.DoesNotContain(PortalRoles.SystemAdmin, PortalRoles.AssignableBy(PortalRoles.CountySupervisor));
        Assert.Empty(PortalRoles.AssignableBy(PortalRoles.TownshipOfficial));
        Assert.Equal(PortalRoles.All, PortalRoles.AssignableBy(PortalRoles.SystemAdmin));
    }
}
