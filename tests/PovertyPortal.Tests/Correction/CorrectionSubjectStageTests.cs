using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Households;
using static PovertyPortal.Tests.Correction.Cases;

namespace PovertyPortal.Tests.Correction;

public sealed class CorrectionSubjectStageTests
{
    private static readonly DateOnly Effective = new(2026, 3, 2);
    private static readonly DateOnly Start = new(2026, 3, 2);
    private static readonly DateOnly End = new(2027, 3, 1);

    [Fact]
    public void The_assessment_opinion_needs_every_finding_of_article_8()
    {
        var s = Entrusted(new(2026, 2, 2)).WithFindings();
        s.CommunityAndVictimOpinion = " ";
        Assert.Contains("第八条", Refused(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 2, 6))));
        Assert.Null(s.AssessmentConclusion);
    }

    [Fact]
    public void The_assessment_group_has_at_least_two_people()
    {
        var s = Entrusted(new(2026, 2, 2)).WithFindings();
        s.AssessmentTeam = "李明、李明";
        Assert.Contains("不少于两人", Refused(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 2, 6))));
        s.AssessmentTeam = "李明，王芳";
        Ok(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 2, 6)));
    }

    [Fact]
    public void The_opinion_cannot_go_back_before_the_entrustment()
    {
        var s = Entrusted(new(2026, 2, 2)).WithFindings();
        Refused(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 2, 1)));
        Ok(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 2, 2)));
        Assert.Equal(new DateOnly(2026, 2, 2), s.AssessmentRepliedOn);
    }

    [Fact]
    public void Not_suitable_ends_the_case_and_no_documents_can_be_received()
    {
        var s = Entrusted(new(2026, 2, 2)).WithFindings();
        Ok(s.ConcludeAssessment(AssessmentConclusion.Unsuitable, new(2026, 2, 6)));
        Assert.Equal(CaseStage.NotSuitable, s.Stage);
        Assert.False(s.IsActive);
        Refused(s.ReceiveDocuments(Effective.AddDays(1), Effective, Start, End));
        Refused(s.ExtendAssessment("补充调查"));
    }

    [Fact]
    public void Documents_wait_for_a_suitable_opinion_and_then_open_the_wait_for_the_report()
    {
        var s = Entrusted(new(2026, 2, 2)).WithFindings();
        Assert.Contains("适用社区矫正", Refused(s.ReceiveDocuments(Effective.AddDays(1), Effective, Start, End)));
        Ok(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 2, 6)));
        Ok(s.ReceiveDocuments(Effective.AddDays(1), Effective, Start, End));
        Assert.Equal(CaseStage.Receiving, s.Stage);
        Assert.Equal((Effective.AddDays(1), Effective, Start, End), (s.DocumentsReceivedOn, s.EffectiveOn, s.CorrectionStart, s.CorrectionEnd));
    }

    [Fact]
    public void Documents_with_a_term_ending_before_it_starts_or_received_before_the_judgment_took_effect_are_refused()
    {
        var s = Entrusted(new(2026, 2, 2)).WithFindings();
        Ok(s.ConcludeAssessment(AssessmentConclusion.Suitable, new(2026, 2, 6)));
        Refused(s.ReceiveDocuments(Effective.AddDays(1), Effective, Start, Start));
        Refused(s.ReceiveDocuments(Effective.AddDays(-1), Effective, Start, End));
        Assert.Equal(CaseStage.Assessing, s.Stage);
        Assert.Null(s.DocumentsReceivedOn);
    }

    [Fact]
    public void The_assessment_is_extended_once_and_only_with_a_reason()
    {
        var s = Entrusted(new(2026, 2, 2));
        Refused(s.ExtendAssessment(null));
        Refused(s.ExtendAssessment("  "));
        Assert.False(s.AssessmentExtended);
        Ok(s.ExtendAssessment(" 被调查人外出务工，需赴外地核实 "));
        Assert.Equal("被调查人外出务工，需赴外地核实", s.AssessmentExtensionReason);
        Assert.Contains("只能延期一次", Refused(s.ExtendAssessment("又遇特殊情况")));
    }

    [Fact]
    public void A_report_before_the_judgment_took_effect_is_refused_and_a_report_clears_absconding()
    {
        var s = Received(Effective.AddDays(1), Effective, Start, End);
        s.AbscondedSince = Effective.AddDays(11);
        Refused(s.RecordReport(Effective.AddDays(-1)));
        Ok(s.RecordReport(Effective.AddDays(12)));
        Assert.Equal(CaseStage.AwaitingAnnouncement, s.Stage);
        Assert.Equal(Effective.AddDays(12), s.RegisteredOn);
        Assert.Null(s.AbscondedSince);
        Refused(s.RecordReport(Effective.AddDays(13)));
    }

    [Fact]
    public void The_announcement_needs_all_five_steps()
    {
        var s = Reported(Effective.AddDays(3), Effective, Start, End);
        s.GroupMembers = Group();
        s.WithAllAnnouncementSteps();
        s.AnnouncementTalkHeld = false;
        Assert.Contains("五个步骤", Refused(s.Announce(Effective.AddDays(5))));
        s.AnnouncementTalkHeld = true;
        s.AnnouncementIdentityChecked = false;
        Refused(s.Announce(Effective.AddDays(5)));
        Assert.Equal(CaseStage.AwaitingAnnouncement, s.Stage);
    }

    [Fact]
    public void The_announcement_needs_a_group_that_meets_article_18()
    {
        var woman = Reported(Effective.AddDays(3), Effective, Start, End, gender: Gender.Female).WithAllAnnouncementSteps();
        woman.GroupMembers = Group();
        Assert.Contains("女性成员", Refused(woman.Announce(Effective.AddDays(5))));
        woman.GroupMembers.Add(Member("刘大姐", gender: Gender.Female));
        Ok(woman.Announce(Effective.AddDays(5)));
        Assert.Equal(CaseStage.UnderCorrection, woman.Stage);
        Assert.Equal(Effective.AddDays(5), woman.AnnouncedOn);

        var minor = Reported(Effective.AddDays(3), Effective, Start, End, birthDate: Effective.AddYears(-16)).WithAllAnnouncementSteps();
        minor.GroupMembers = Group();
        Assert.Contains("青少年", Refused(minor.Announce(Effective.AddDays(5))));
    }

    [Fact]
    public void The_announcement_cannot_come_before_the_report()
    {
        var s = Reported(Effective.AddDays(3), Effective, Start, End).WithAllAnnouncementSteps();
        s.GroupMembers = Group();
        Refused(s.Announce(Effective.AddDays(2)));
        Ok(s.Announce(Effective.AddDays(3)));
        Refused(s.Announce(Effective.AddDays(4)));
    }

    [Fact]
    public void Release_waits_for_the_end_of_the_term_the_summary_the_appraisal_and_the_certificate()
    {
        var s = UnderCorrection(new(2026, 3, 10), End);
        Assert.Contains("届满前不能解除", Refused(s.Release(End.AddDays(-1), "2027第001号")));
        Assert.Contains("个人总结", Refused(s.Release(End, "2027第001号")));
        s.SummaryOn = End.AddDays(-10);
        Assert.Contains("书面鉴定", Refused(s.Release(End, "2027第001号")));
        s.AppraisalOn = End.AddDays(-8);
        Refused(s.Release(End, "2027第001号")); // an appraisal date without its text
        s.Appraisal = "矫正期间表现良好，建议纳入安置帮教";
        Assert.Contains("证明书编号", Refused(s.Release(End, " ")));
        Assert.Equal(CaseStage.UnderCorrection, s.Stage);

        Ok(s.Release(End, " 2027第001号 "));
        Assert.Equal((CaseStage.Released, End, "2027第001号"), (s.Stage, s.ReleasedOn, s.CertificateNumber));
        Refused(s.Release(End.AddDays(1), "2027第002号"));
    }

    [Fact]
    public void Termination_ends_an_open_case_but_not_an_assessment_or_a_finished_one()
    {
        Refused(Entrusted(new(2026, 2, 2)).Terminate(new(2026, 2, 5), TerminationReason.Death, null));

        var notReported = Received(Effective.AddDays(1), Effective, Start, End);
        Ok(notReported.Terminate(Effective.AddDays(4), TerminationReason.Death, "病故"));
        Assert.Equal((CaseStage.Terminated, TerminationReason.Death), (notReported.Stage, notReported.TerminationReason));

        var s = UnderCorrection(new(2026, 3, 10), End);
        Refused(s.Terminate(s.CorrectionStart!.Value.AddDays(-1), TerminationReason.NewPrisonSentence, null));
        Ok(s.Terminate(new(2026, 8, 1), TerminationReason.Revoked, "  "));
        Assert.Null(s.TerminationNote);
        Assert.False(s.IsActive);
        Refused(s.Terminate(new(2026, 8, 2), TerminationReason.Death, null));
    }

    [Fact]
    public void A_released_case_cannot_be_terminated()
    {
        var s = UnderCorrection(new(2026, 3, 10), End);
        s.SummaryOn = End.AddDays(-10);
        s.AppraisalOn = End.AddDays(-8);
        s.Appraisal = "表现良好";
        Ok(s.Release(End, "2027第001号"));
        Refused(s.Terminate(End.AddDays(1), TerminationReason.Death, null));
    }

    [Theory]
    [InlineData(CorrectionType.Parole, true)]
    [InlineData(CorrectionType.Probation, false)]
    [InlineData(CorrectionType.Control, false)]
    [InlineData(CorrectionType.TemporaryOutOfPrison, false)]
    public void The_parole_certificate_is_asked_for_only_on_parole(CorrectionType type, bool asked)
    {
        var s = Entrusted(new(2026, 2, 2), type);
        Assert.Equal(3 + (asked ? 1 : 0), s.MissingDocuments().Count);
        Assert.Equal(asked, s.MissingDocuments().Any(d => d.Contains("假释证明书")));
        s.HasJudgment = s.HasExecutionNotice = s.HasGuaranteeLetter = true;
        Assert.Equal(asked, s.MissingDocuments().Count == 1);
        s.HasParoleCertificate = true;
        Assert.Empty(s.MissingDocuments());
    }

    [Fact]
    public void A_subject_is_a_minor_through_the_18th_birthday_and_an_adult_from_the_day_after()
    {
        // 周岁 is reached on the day after the birthday (最高人民法院关于审理未成年人刑事案件具体应用法律若干问题的解释 第二条).
        var s = Entrusted(new(2026, 2, 2), birthDate: new(2008, 6, 15));
        s.EffectiveOn = new(2026, 6, 15);
        Assert.True(s.IsMinorOn(new(2026, 12, 1)), "the judgment took effect on the 18th birthday");
        s.EffectiveOn = new(2026, 6, 16);
        Assert.False(s.IsMinorOn(new(2026, 12, 1)));
    }

    [Fact]
    public void Minority_is_judged_on_the_effective_day_once_known_and_on_today_before()
    {
        var s = Entrusted(new(2026, 2, 2), birthDate: new(2008, 6, 15));
        Assert.True(s.IsMinorOn(new(2026, 6, 1)));
        Assert.False(s.IsMinorOn(new(2026, 7, 1)));
        s.EffectiveOn = new(2026, 5, 20);
        Assert.True(s.IsMinorOn(new(2027, 1, 1)), "a minor when the judgment took effect stays protected");
        s.RefreshMinority(new(2027, 1, 1));
        Assert.True(s.IsMinor);
    }

    [Fact]
    public void Someone_born_on_February_29th_is_an_adult_from_March_1st_of_a_common_year()
    {
        var s = Entrusted(new(2026, 2, 2), birthDate: new(2008, 2, 29));
        s.EffectiveOn = new(2026, 2, 28);
        Assert.True(s.IsMinorOn(s.EffectiveOn.Value));
        s.EffectiveOn = new(2026, 3, 1);
        Assert.False(s.IsMinorOn(s.EffectiveOn.Value));
    }

    [Fact]
    public void The_step_dates_come_from_the_articles()
    {
        var s = Reported(new(2026, 3, 5), Effective, Start, End);
        Assert.Equal(new DateOnly(2026, 3, 12), s.ReportDueOn);         // art. 13: ten days after 3.2
        Assert.Equal(new DateOnly(2026, 3, 12), s.AnnouncementDueOn);   // art. 16: seven days after the report on 3.5
        Assert.Equal(new DateOnly(2027, 2, 14), s.EndSummaryFrom);      // art. 45: fifteen days before 2027.3.1
    }
}
