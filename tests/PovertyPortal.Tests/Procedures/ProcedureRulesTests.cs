using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using static PovertyPortal.Tests.Procedures.ProcedureCases;

namespace PovertyPortal.Tests.Procedures;

/// <summary>A county's deadlines and notice period, the notice's period check, and answering an objection.</summary>
public sealed class ProcedureRulesTests
{
    [Theory]
    [InlineData(ProcedureKind.Identification, 15)]
    [InlineData(ProcedureKind.Exit, 30)]
    [InlineData(ProcedureKind.Return, 15)]
    [InlineData(ProcedureKind.Monitoring, 15)]
    [InlineData(ProcedureKind.RiskElimination, 30)]
    [InlineData(ProcedureKind.Removal, 30)]
    public void A_county_without_rules_of_its_own_works_by_the_defaults(ProcedureKind kind, int days)
    {
        var rules = ProcedureRules.Defaults(4);
        Assert.Equal(4, rules.CountyId);
        Assert.Equal(days, rules.DaysFor(kind));
        Assert.Equal(new DateOnly(2026, 3, 2).AddDays(days), rules.DueOn(kind, new DateOnly(2026, 3, 2)));
        Assert.Equal(5, rules.NoticeDays);
        Assert.Equal(6, rules.StableIncomeMonths);
        Assert.True(rules.KeepMonitoringWithoutLabour);
    }

    [Fact]
    public void Each_kind_reads_its_own_days_from_the_countys_rules()
    {
        var rules = new ProcedureRules
        {
            IdentificationDays = 11, ExitDays = 12, ReturnDays = 13, MonitoringDays = 14, RiskEliminationDays = 16, RemovalDays = 17,
        };
        Assert.Equal([11, 12, 13, 14, 16, 17], Enum.GetValues<ProcedureKind>().Select(rules.DaysFor));
        Assert.Equal(new DateOnly(2026, 1, 12), rules.DueOn(ProcedureKind.Identification, new DateOnly(2026, 1, 1)));
        Assert.Equal(new DateOnly(2026, 3, 3), rules.DueOn(ProcedureKind.Removal, new DateOnly(2026, 2, 14)));
        Assert.Throws<ArgumentOutOfRangeException>(() => rules.DaysFor((ProcedureKind)99));
    }

    [Theory]
    [InlineData(5, "2026-03-09", "2026-03-13")]
    [InlineData(7, "2026-03-09", "2026-03-15")]
    [InlineData(5, "2026-02-26", "2026-03-02")]
    public void The_notice_period_counts_its_first_day(int noticeDays, string start, string end)
    {
        var rules = new ProcedureRules { NoticeDays = noticeDays };
        var startsOn = DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
        var endsOn = rules.NoticeEndsOn(startsOn);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), endsOn);
        Assert.Equal(noticeDays, Notice(startsOn: startsOn, endsOn: endsOn).Days);
        Assert.True(PublicNotice.CheckPeriod(startsOn, endsOn, noticeDays).Succeeded);
    }

    [Fact]
    public void A_notice_shorter_than_five_days_is_refused()
    {
        var start = new DateOnly(2026, 3, 9);
        Assert.Equal("公示期不少于5天（本县规定），当前为4天", Refused(PublicNotice.CheckPeriod(start, start.AddDays(3), ProcedureRules.MinimumNoticeDays)));
        Ok(PublicNotice.CheckPeriod(start, start.AddDays(4), ProcedureRules.MinimumNoticeDays));
    }

    [Fact]
    public void A_county_with_a_longer_period_is_held_to_its_own_days()
    {
        var start = new DateOnly(2026, 3, 9);
        Assert.Contains("不少于7天", Refused(PublicNotice.CheckPeriod(start, start.AddDays(5), 7)));
        Ok(PublicNotice.CheckPeriod(start, start.AddDays(6), 7));
    }

    [Fact]
    public void A_county_period_below_the_national_floor_still_needs_five_days()
    {
        var start = new DateOnly(2026, 3, 9);
        Assert.Contains("不少于5天", Refused(PublicNotice.CheckPeriod(start, start.AddDays(2), 3)));
        Assert.Equal(start.AddDays(4), new ProcedureRules { NoticeDays = 3 }.NoticeEndsOn(start));
    }

    [Fact]
    public void A_notice_cannot_end_before_it_starts()
    {
        var start = new DateOnly(2026, 3, 9);
        Assert.Contains("不能早于开始日期", Refused(PublicNotice.CheckPeriod(start, start.AddDays(-1), 5)));
    }

    [Fact]
    public void A_notice_labels_its_batch_and_ends_after_its_last_day()
    {
        var notice = Notice();
        Assert.Equal("2026年第3批", notice.BatchLabel);
        Assert.Equal(5, notice.Days);
        Assert.False(notice.HasEnded(NoticeEnd));
        Assert.True(notice.HasEnded(NoticeEnd.AddDays(1)));
    }

    private static NoticeObjection Objection() => new()
    {
        PublicNoticeId = 12, ProcedureCaseId = 77, ReceivedOn = new DateOnly(2026, 3, 10), Objector = "匿名", Content = "该户有人在外务工，收入较高",
    };

    [Fact]
    public void An_objection_is_open_until_answered_and_is_answered_once()
    {
        var o = Objection();
        Assert.True(o.IsOpen);

        Ok(o.Answered(new DateOnly(2026, 3, 12), "经入户核实，务工收入已计入，人均纯收入仍低于标准", upheld: false, TownshipReviewer));
        Assert.False(o.IsOpen);
        Assert.Equal((new DateOnly(2026, 3, 12), false, TownshipReviewer), (o.AnsweredOn, o.Upheld, o.AnsweredBy));
        Assert.StartsWith("经入户核实", o.Answer);

        Assert.Equal("该异议已答复", Refused(o.Answered(new DateOnly(2026, 3, 13), "再答复", upheld: true, CountyApprover)));
        Assert.Equal(false, o.Upheld);
    }

    [Fact]
    public void An_answer_cannot_predate_the_objection()
    {
        var o = Objection();
        Assert.Contains("不能早于收到异议的日期", Refused(o.Answered(new DateOnly(2026, 3, 9), "已核实", upheld: true, TownshipReviewer)));
        Assert.True(o.IsOpen);
        Ok(o.Answered(o.ReceivedOn, "已核实，异议成立", upheld: true, TownshipReviewer));
        Assert.Equal(true, o.Upheld);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_answer_does_not_close_an_objection(string answer)
    {
        // An empty answer would count as answered and let the case be approved over the objection.
        var o = Objection();
        Refused(o.Answered(new DateOnly(2026, 3, 12), answer, upheld: false, TownshipReviewer));
        Assert.True(o.IsOpen);
    }

    [Fact]
    public void The_labels_of_kinds_sources_and_decisions_are_the_words_officials_use()
    {
        Assert.Equal(["识别", "退出", "返贫", "纳入监测", "风险消除", "清退"], Enum.GetValues<ProcedureKind>().Select(k => k.Label()));
        Assert.All(Enum.GetValues<ProcedureKind>(), k => Assert.StartsWith("拟", k.NoticeHeading()));
        Assert.Equal(["农户申请", "村级排查发现", "部门预警信息", "上级交办或其他"], Enum.GetValues<ProcedureSource>().Select(s => s.Label()));
        Assert.Equal(["通过", "退回修改", "不予通过"], Enum.GetValues<ReviewDecision>().Select(d => d.Label()));
        Assert.Equal("边缘易致贫户", MonitoringType.Marginal.Label());
    }
}
