using Microsoft.Extensions.Time.Testing;
using PovertyPortal.Domain.VillageWork;
using PovertyPortal.Domain.WorkTeams;
using PovertyPortal.Web.Features.Attachments;
using PovertyPortal.Web.Features.VillageWork;
using PovertyPortal.Web.Features.WorkTeams;

namespace PovertyPortal.Tests.WorkTeams;

public sealed class WorkTeamValidatorTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 4, 0, 0, TimeSpan.Zero));

    private static Dictionary<string, string> Errors<T>(FluentValidation.IValidator<T> validator, T command) =>
        validator.Validate(command).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void A_team_needs_its_unit_and_start_and_cannot_end_before_it_starts()
    {
        var errors = Errors(new SaveWorkTeam.Validator(), new SaveWorkTeam.Command { StartDate = new DateTime(2018, 3, 23), EndDate = new DateTime(2018, 3, 22) });
        Assert.Equal("请填写派出单位", errors[nameof(SaveWorkTeam.Command.DispatchingUnit)]);
        Assert.Equal("撤离日期不能早于进驻日期", errors[nameof(SaveWorkTeam.Command.EndDate)]);
        Assert.Empty(Errors(new SaveWorkTeam.Validator(), new SaveWorkTeam.Command { DispatchingUnit = "镇食药所", StartDate = new DateTime(2018, 3, 23), EndDate = new DateTime(2018, 3, 23) }));
    }

    [Fact]
    public void The_handover_date_lies_within_the_teams_dates()
    {
        var command = new SaveWorkTeam.Command { DispatchingUnit = "镇食药所", StartDate = new DateTime(2018, 3, 23), EndDate = new DateTime(2019, 1, 1), HandoverUntil = new DateTime(2018, 3, 1) };
        Assert.Equal("交接截止日期不能早于进驻日期", Errors(new SaveWorkTeam.Validator(), command)[nameof(SaveWorkTeam.Command.HandoverUntil)]);
        command.HandoverUntil = new DateTime(2019, 2, 1);
        Assert.Equal("交接截止日期不能晚于撤离日期", Errors(new SaveWorkTeam.Validator(), command)[nameof(SaveWorkTeam.Command.HandoverUntil)]);
    }

    [Fact]
    public void A_member_needs_a_name_a_role_and_dates_in_order()
    {
        var errors = Errors(new SaveWorkTeamMember.Validator(), new SaveWorkTeamMember.Command { Name = "何", Phone = "abc", StartDate = new DateTime(2018, 5, 1), EndDate = new DateTime(2018, 4, 1) });
        Assert.Equal("姓名应为2至20个字", errors[nameof(SaveWorkTeamMember.Command.Name)]);
        Assert.Equal("请选择职务", errors[nameof(SaveWorkTeamMember.Command.Role)]);
        Assert.Equal("联系电话应为7至20位数字", errors[nameof(SaveWorkTeamMember.Command.Phone)]);
        Assert.Equal("撤离日期不能早于进驻日期", errors[nameof(SaveWorkTeamMember.Command.EndDate)]);
    }

    private static RecordAttendanceWeek.Command Week(DateTime monday, int days, int nights) => new()
    {
        WorkTeamId = 1, Monday = monday, MemberIds = [1],
        Days = Enumerable.Range(0, 7).Select(i => new RecordAttendanceWeek.DayEntry { Present = i < days, StayedNight = i < nights }).ToList(),
    };

    [Fact]
    public void Attendance_is_recorded_by_week_from_Monday_with_no_more_nights_than_days()
    {
        var validator = new RecordAttendanceWeek.Validator(Clock);
        Assert.Empty(Errors(validator, Week(new DateTime(2026, 11, 16), 5, 4)));
        Assert.Equal("考勤按周登记，周次应从星期一开始", Errors(validator, Week(new DateTime(2026, 11, 17), 5, 4))[nameof(RecordAttendanceWeek.Command.Monday)]);
        Assert.Equal("住村夜数不能多于在村天数", Errors(validator, Week(new DateTime(2026, 11, 16), 3, 4))[nameof(RecordAttendanceWeek.Command.Days)]);
        var nightWithoutDay = Week(new DateTime(2026, 11, 16), 5, 4);
        nightWithoutDay.Days[0].Present = false;
        nightWithoutDay.Days[6].Present = true;
        Assert.Equal("只有在村的日子才能登记住村", Errors(validator, nightWithoutDay)[nameof(RecordAttendanceWeek.Command.Days)]);
        var times = Week(new DateTime(2026, 11, 16), 5, 4);
        (times.Days[0].ArrivedAt, times.Days[0].LeftAt) = (new TimeSpan(17, 0, 0), new TimeSpan(8, 0, 0));
        Assert.Equal("离村时间应晚于到村时间", Errors(validator, times)[nameof(RecordAttendanceWeek.Command.Days)]);
        // Today is Wednesday 25 November 2026 (Beijing): Thursday and Friday of this week lie ahead.
        Assert.Equal("不能登记今天以后的考勤", Errors(validator, Week(new DateTime(2026, 11, 23), 5, 4))[nameof(RecordAttendanceWeek.Command.Days)]);
        var nobody = Week(new DateTime(2026, 11, 16), 5, 4);
        nobody.MemberIds.Clear();
        Assert.Equal("请选择至少一名队员", Errors(validator, nobody)[nameof(RecordAttendanceWeek.Command.MemberIds)]);
    }

    [Fact]
    public void A_work_log_needs_a_date_not_in_the_future_a_type_and_a_summary()
    {
        var errors = Errors(new SaveWorkLog.Validator(Clock), new SaveWorkLog.Command { Date = new DateTime(2026, 11, 26) });
        Assert.Equal("日期不能晚于今天", errors[nameof(SaveWorkLog.Command.Date)]);
        Assert.Equal("请选择工作类型", errors[nameof(SaveWorkLog.Command.Type)]);
        Assert.Equal("请填写工作内容", errors[nameof(SaveWorkLog.Command.Summary)]);
        Assert.Empty(Errors(new SaveWorkLog.Validator(Clock), new SaveWorkLog.Command { Date = new DateTime(2026, 11, 25), Type = WorkLogType.HouseholdVisit, Summary = "入户走访" }));
    }

    [Fact]
    public void A_project_has_quantity_and_unit_together_and_completes_after_it_starts()
    {
        var validator = new SaveProject.Validator();
        var errors = Errors(validator, new SaveProject.Command { Type = ProjectType.Road, Name = "水泥路", Quantity = 7.8m, StartDate = new DateTime(2018, 5, 1), CompletionDate = new DateTime(2018, 4, 1) });
        Assert.Equal("填写数量时请选择单位", errors[nameof(SaveProject.Command.Unit)]);
        Assert.Equal("完工日期不能早于开工日期", errors[nameof(SaveProject.Command.CompletionDate)]);
        Assert.Equal("已完工的项目请填写完工日期", Errors(validator, new SaveProject.Command { Type = ProjectType.Road, Name = "水泥路" })[nameof(SaveProject.Command.CompletionDate)]);
    }

    [Fact]
    public void Crops_are_counted_in_mu_and_livestock_in_head_or_birds()
    {
        var validator = new SaveIndustry.Validator();
        Assert.Equal("种植面积的单位应为亩", Errors(validator, new SaveIndustry.Command { Year = 2018, Name = "花生", Quantity = 760, Kind = IndustryKind.Crop, Unit = QuantityUnit.Head })[nameof(SaveIndustry.Command.Unit)]);
        Assert.Equal("养殖规模的单位应为头或只", Errors(validator, new SaveIndustry.Command { Year = 2018, Name = "猪", Quantity = 58, Kind = IndustryKind.Livestock, Unit = QuantityUnit.Mu })[nameof(SaveIndustry.Command.Unit)]);
        Assert.Empty(Errors(validator, new SaveIndustry.Command { Year = 2018, Name = "鸡", Quantity = 2500, Kind = IndustryKind.Livestock, Unit = QuantityUnit.Bird }));
        Assert.Equal("收入金额不能为负数", Errors(new SaveCollectiveIncome.Validator(), new SaveCollectiveIncome.Command { Year = 2018, Source = "光伏", Amount = -1 })[nameof(SaveCollectiveIncome.Command.Amount)]);
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, "application/pdf")]
    [InlineData(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10 }, "image/jpeg")]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, "image/png")]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61 }, "image/gif")]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 1, 2, 3, 4, 0x57, 0x45, 0x42, 0x50 }, "image/webp")]
    public void Accepted_files_are_known_by_their_first_bytes(byte[] head, string contentType) =>
        Assert.Equal(contentType, AttachmentContent.Sniff(head)?.ContentType);

    [Theory]
    [InlineData("<html><script>alert(1)</script>")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")]
    [InlineData("PK\u0003\u0004 docx")]
    [InlineData("")]
    public void Anything_else_is_refused_whatever_its_name(string content) =>
        Assert.Null(AttachmentContent.Sniff(System.Text.Encoding.UTF8.GetBytes(content)));

    [Theory]
    [InlineData("../../etc/passwd", ".pdf", "passwd.pdf")]
    [InlineData("C:\\照片\\入户走访.JPG", ".jpg", "入户走访.JPG")]
    [InlineData("走访.jpeg", ".jpg", "走访.jpeg")]
    [InlineData("report.html", ".pdf", "report.html.pdf")]
    [InlineData("", ".png", "附件.png")]
    public void File_names_lose_their_path_and_take_the_extension_of_their_content(string name, string extension, string expected) =>
        Assert.Equal(expected, AttachmentContent.CleanFileName(name, extension));
}
