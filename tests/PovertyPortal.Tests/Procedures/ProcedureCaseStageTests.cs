using PovertyPortal.Domain.Procedures;
using static PovertyPortal.Tests.Procedures.ProcedureCases;

namespace PovertyPortal.Tests.Procedures;

/// <summary>The steps of a procedure case: which stage each belongs to, who may take it, and where it leads.</summary>
public sealed class ProcedureCaseStageTests
{
    public static TheoryData<ProcedureKind> Kinds() => [.. Enum.GetValues<ProcedureKind>()];

    private const string Attendance = "村两委成员、驻村工作队、党员和村民代表";

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_runs_from_proposal_through_review_notice_and_township_to_county_approval(ProcedureKind kind)
    {
        var c = Proposed(kind);
        Assert.Equal(ProcedureStage.Proposed, c.Stage);

        Ok(c.RecordVillageReview(ReviewDay, 21, 15, 4, 2, Attendance, VillageClerk));
        Assert.Equal(ProcedureStage.VillageReviewed, c.Stage);
        Assert.Equal((ReviewDay, 21, 15, 4, 2), (c.VillageReviewOn, c.ReviewParticipants, c.VotesFor, c.VotesAgainst, c.VotesAbstaining));
        Assert.Equal(VillageClerk, c.VillageReviewBy);

        Ok(c.PublishOn(Notice()));
        Assert.Equal(ProcedureStage.Publicised, c.Stage);
        Assert.Equal(12, c.PublicNoticeId);

        Ok(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay, "情况属实", TownshipReviewer, Notice(), 0));
        Assert.Equal(ProcedureStage.AwaitingCounty, c.Stage);
        Assert.Equal((TownshipDay, TownshipReviewer, "情况属实"), (c.TownshipReviewOn, c.TownshipReviewBy, c.TownshipOpinion));

        Ok(c.DecideAtCounty(ReviewDecision.Pass, CountyDay, "同意", CountyApprover, 0));
        Assert.Equal(ProcedureStage.Approved, c.Stage);
        Assert.Equal((CountyDay, CountyApprover, "同意"), (c.CountyDecisionOn, c.CountyDecisionBy, c.CountyOpinion));
        Assert.False(c.IsOpen);
        Assert.Null(c.ClosingReason);
    }

    [Theory]
    [InlineData(21, 11, true)]
    [InlineData(21, 10, false)]
    [InlineData(20, 10, false)]
    [InlineData(20, 11, true)]
    [InlineData(1, 1, true)]
    public void The_village_review_passes_only_with_more_than_half_of_those_present_voting_for(int participants, int votesFor, bool passes) =>
        Assert.Equal(passes, ProcedureCase.PassesVote(participants, votesFor));

    [Fact]
    public void A_vote_of_half_or_less_ends_the_case_as_not_passed_with_the_count_in_the_reason()
    {
        var c = Proposed(ProcedureKind.Identification);
        Ok(c.RecordVillageReview(ReviewDay, 20, 10, 8, 2, Attendance, VillageClerk));

        Assert.Equal(ProcedureStage.Rejected, c.Stage);
        Assert.False(c.IsOpen);
        Assert.Equal(ReviewDay, c.ClosedOn);
        Assert.Equal("民主评议未通过（参加20人，赞成10票）", c.ClosingReason);
        Assert.Equal(10, c.VotesFor);
        Refused(c.PublishOn(Notice()));
        Refused(c.RecordVillageReview(ReviewDay, 20, 15, 5, 0, Attendance, VillageClerk));
    }

    [Fact]
    public void The_review_refuses_more_votes_than_people_and_a_date_before_the_clue_and_changes_nothing()
    {
        var c = Proposed(ProcedureKind.Exit);
        Assert.Contains("不能超过参加评议人数", Refused(c.RecordVillageReview(ReviewDay, 10, 8, 2, 1, Attendance, VillageClerk)));
        Assert.Contains("不能早于申请或发现日期", Refused(c.RecordVillageReview(Clue.AddDays(-1), 10, 8, 2, 0, Attendance, VillageClerk)));
        Assert.Equal(ProcedureStage.Proposed, c.Stage);
        Assert.Null(c.VillageReviewOn);
        Assert.Null(c.VotesFor);

        Ok(c.RecordVillageReview(Clue, 10, 8, 2, 0, Attendance, VillageClerk));
        Assert.Equal(ProcedureStage.VillageReviewed, c.Stage);
    }

    [Fact]
    public void Negative_votes_cannot_make_a_vote_pass()
    {
        var c = Proposed(ProcedureKind.Exit);
        // 12 for and −5 against would sum within the 10 present and pass the majority.
        Refused(c.RecordVillageReview(ReviewDay, 10, 12, -5, 0, Attendance, VillageClerk));
        Refused(c.RecordVillageReview(ReviewDay, 0, 0, 0, 0, Attendance, VillageClerk));
        Assert.Equal(ProcedureStage.Proposed, c.Stage);
    }

    [Fact]
    public void The_review_is_recorded_once()
    {
        var c = Reviewed();
        Assert.Contains("待公示", Refused(c.RecordVillageReview(ReviewDay, 21, 20, 1, 0, Attendance, VillageClerk)));
    }

    [Fact]
    public void Only_a_reviewed_case_is_publicised_and_only_on_its_own_villages_notice()
    {
        var proposed = Proposed(ProcedureKind.Exit);
        Assert.Contains("须先通过民主评议", Refused(proposed.PublishOn(Notice())));
        Assert.Equal(ProcedureStage.Proposed, proposed.Stage);

        var c = Reviewed();
        Assert.Contains("本村", Refused(c.PublishOn(Notice(village: Village + 1))));
        Assert.Equal(ProcedureStage.VillageReviewed, c.Stage);
        Assert.Null(c.PublicNoticeId);

        Ok(c.PublishOn(Notice()));
        Assert.Contains("公示中", Refused(c.PublishOn(Notice())));
    }

    [Fact]
    public void A_notice_cannot_start_before_the_review_but_may_start_on_its_day()
    {
        var c = Reviewed();
        Refused(c.PublishOn(Notice(startsOn: ReviewDay.AddDays(-1), endsOn: ReviewDay.AddDays(3))));
        Ok(c.PublishOn(Notice(startsOn: ReviewDay, endsOn: ReviewDay.AddDays(4))));
    }

    [Fact]
    public void A_notice_not_yet_saved_leaves_the_link_for_the_data_layer()
    {
        var c = Reviewed();
        var unsaved = Notice();
        unsaved.Id = 0;
        Ok(c.PublishOn(unsaved));
        Assert.Null(c.PublicNoticeId);
        Assert.Equal(ProcedureStage.Publicised, c.Stage);
    }

    [Fact]
    public void The_township_waits_for_the_end_of_the_notice_period()
    {
        var c = Publicised();
        Assert.Contains("期满后方可审核", Refused(c.ReviewAtTownship(ReviewDecision.Pass, NoticeEnd, "", TownshipReviewer, Notice(), 0)));
        Refused(c.ReviewAtTownship(ReviewDecision.Reject, NoticeStart, "", TownshipReviewer, Notice(), 0));
        Assert.Equal(ProcedureStage.Publicised, c.Stage);
        Assert.Null(c.TownshipReviewOn);

        Ok(c.ReviewAtTownship(ReviewDecision.Pass, NoticeEnd.AddDays(1), "", TownshipReviewer, Notice(), 0));
    }

    [Fact]
    public void The_township_needs_the_notice()
    {
        var c = Publicised();
        Assert.Contains("没有公示记录", Refused(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay, "", TownshipReviewer, null, 0)));
    }

    [Fact]
    public void Open_objections_block_a_pass_at_the_township_but_not_a_revision_or_a_rejection()
    {
        var c = Publicised();
        Assert.Contains("2条异议尚未答复", Refused(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay, "", TownshipReviewer, Notice(), 2)));
        Assert.Equal(ProcedureStage.Publicised, c.Stage);

        Ok(c.ReviewAtTownship(ReviewDecision.RequestRevision, TownshipDay, "请核实异议反映的务工收入", TownshipReviewer, Notice(), 2));
        Assert.Equal(ProcedureStage.Revising, c.Stage);

        var other = Publicised();
        Ok(other.ReviewAtTownship(ReviewDecision.Reject, TownshipDay, "异议成立", TownshipReviewer, Notice(), 1));
        Assert.Equal(ProcedureStage.Rejected, other.Stage);
    }

    [Fact]
    public void The_proposer_cannot_review_their_own_case_at_the_township_whatever_the_case_of_the_name()
    {
        var c = Publicised();
        Assert.Contains("发起人", Refused(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay, "", Proposer, Notice(), 0)));
        Refused(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay, "", Proposer.ToUpperInvariant(), Notice(), 0));
        Assert.Null(c.TownshipReviewBy);
    }

    [Theory]
    [InlineData(ProcedureStage.Proposed)]
    [InlineData(ProcedureStage.VillageReviewed)]
    [InlineData(ProcedureStage.AwaitingCounty)]
    [InlineData(ProcedureStage.Approved)]
    public void The_township_reviews_only_a_publicised_case(ProcedureStage stage)
    {
        var c = At(stage);
        Assert.Contains("不能进行乡镇审核", Refused(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay, "", TownshipReviewer, Notice(), 0)));
        Assert.Equal(stage, c.Stage);
    }

    [Fact]
    public void A_request_for_revision_keeps_the_case_open_with_the_proposer_while_a_rejection_ends_it()
    {
        var revised = Publicised();
        Ok(revised.ReviewAtTownship(ReviewDecision.RequestRevision, TownshipDay, "补充务工收入证明", TownshipReviewer, Notice(), 0));
        Assert.Equal(ProcedureStage.Revising, revised.Stage);
        Assert.True(revised.IsOpen);
        Assert.Equal(ProcedureStage.Publicised, revised.ReturnedFrom);
        Assert.Equal("补充务工收入证明", revised.RevisionRequest);
        Assert.Null(revised.ClosedOn);

        var rejected = Publicised();
        Ok(rejected.ReviewAtTownship(ReviewDecision.Reject, TownshipDay, "不符合退出条件", TownshipReviewer, Notice(), 0));
        Assert.Equal(ProcedureStage.Rejected, rejected.Stage);
        Assert.False(rejected.IsOpen);
        Assert.Equal(TownshipDay, rejected.ClosedOn);
        Assert.Equal("乡镇审核不予通过：不符合退出条件", rejected.ClosingReason);
        Assert.Null(rejected.ReturnedFrom);
        Refused(rejected.Resubmit(Proposer));
    }

    [Fact]
    public void A_case_the_township_sent_back_returns_to_the_township_review()
    {
        var c = Publicised();
        Ok(c.ReviewAtTownship(ReviewDecision.RequestRevision, TownshipDay, "补充材料", TownshipReviewer, Notice(), 0));

        Ok(c.Resubmit(Proposer));
        Assert.Equal(ProcedureStage.Publicised, c.Stage);
        Assert.Null(c.ReturnedFrom);
        Assert.Equal(1, c.Revisions);

        Ok(c.ReviewAtTownship(ReviewDecision.Pass, TownshipDay.AddDays(3), "已补充", TownshipReviewer, Notice(), 0));
        Assert.Equal(ProcedureStage.AwaitingCounty, c.Stage);
    }

    [Fact]
    public void A_case_the_county_sent_back_returns_to_the_county_and_counts_each_revision()
    {
        var c = AtCounty();
        Ok(c.DecideAtCounty(ReviewDecision.RequestRevision, CountyDay, "补充收入核算表", CountyApprover, 0));
        Assert.Equal(ProcedureStage.Revising, c.Stage);
        Assert.Equal(ProcedureStage.AwaitingCounty, c.ReturnedFrom);
        Assert.Equal("补充收入核算表", c.RevisionRequest);

        Ok(c.Resubmit(Proposer));
        Assert.Equal(ProcedureStage.AwaitingCounty, c.Stage);
        Ok(c.DecideAtCounty(ReviewDecision.RequestRevision, CountyDay.AddDays(2), "仍缺签字", CountyApprover, 0));
        Ok(c.Resubmit(Proposer));
        Assert.Equal(2, c.Revisions);

        Ok(c.DecideAtCounty(ReviewDecision.Pass, CountyDay.AddDays(4), "同意", CountyApprover, 0));
        Assert.Equal(ProcedureStage.Approved, c.Stage);
    }

    [Theory]
    [InlineData(ProcedureStage.Proposed)]
    [InlineData(ProcedureStage.Publicised)]
    [InlineData(ProcedureStage.AwaitingCounty)]
    public void Only_a_case_sent_back_can_be_resubmitted(ProcedureStage stage)
    {
        var c = At(stage);
        Assert.Contains("只有退回修改的程序", Refused(c.Resubmit(Proposer)));
        Assert.Equal(stage, c.Stage);
        Assert.Equal(0, c.Revisions);
    }

    [Fact]
    public void The_county_approver_is_neither_the_proposer_nor_the_township_reviewer()
    {
        var c = AtCounty();
        Assert.Contains("发起人", Refused(c.DecideAtCounty(ReviewDecision.Pass, CountyDay, "", Proposer, 0)));
        Assert.Contains("乡镇审核人", Refused(c.DecideAtCounty(ReviewDecision.Pass, CountyDay, "", TownshipReviewer, 0)));
        Refused(c.DecideAtCounty(ReviewDecision.Reject, CountyDay, "", TownshipReviewer.ToUpperInvariant(), 0));
        Assert.Equal(ProcedureStage.AwaitingCounty, c.Stage);
        Assert.Null(c.CountyDecisionBy);

        Ok(c.DecideAtCounty(ReviewDecision.Pass, CountyDay, "", CountyApprover, 0));
    }

    [Fact]
    public void The_county_cannot_approve_with_open_objections_nor_decide_before_the_township()
    {
        var c = AtCounty();
        Assert.Contains("1条公示异议尚未答复", Refused(c.DecideAtCounty(ReviewDecision.Pass, CountyDay, "", CountyApprover, 1)));
        Assert.Contains("不能早于乡镇审核日期", Refused(c.DecideAtCounty(ReviewDecision.Pass, TownshipDay.AddDays(-1), "", CountyApprover, 0)));
        Assert.Equal(ProcedureStage.AwaitingCounty, c.Stage);

        Ok(c.DecideAtCounty(ReviewDecision.Reject, CountyDay, "异议成立", CountyApprover, 1));
        Assert.Equal(ProcedureStage.Rejected, c.Stage);
        Assert.Equal("县级审批不予通过：异议成立", c.ClosingReason);
        Assert.Equal(CountyDay, c.ClosedOn);
    }

    [Fact]
    public void The_county_may_decide_on_the_day_of_the_township_review()
    {
        var c = AtCounty();
        Ok(c.DecideAtCounty(ReviewDecision.Pass, TownshipDay, "", CountyApprover, 0));
    }

    [Theory]
    [InlineData(ProcedureStage.Proposed)]
    [InlineData(ProcedureStage.VillageReviewed)]
    [InlineData(ProcedureStage.Publicised)]
    [InlineData(ProcedureStage.Approved)]
    public void The_county_decides_only_a_case_the_township_passed(ProcedureStage stage)
    {
        var c = At(stage);
        Assert.Contains("不能进行县级审批", Refused(c.DecideAtCounty(ReviewDecision.Pass, CountyDay, "", CountyApprover, 0)));
        Assert.Equal(stage, c.Stage);
    }

    [Theory]
    [InlineData(ProcedureStage.Proposed)]
    [InlineData(ProcedureStage.VillageReviewed)]
    [InlineData(ProcedureStage.Publicised)]
    [InlineData(ProcedureStage.Revising)]
    public void An_open_case_below_the_county_can_be_withdrawn_with_its_reason(ProcedureStage stage)
    {
        var c = At(stage);
        Ok(c.Withdraw(TownshipDay, "农户自愿撤回申请"));
        Assert.Equal(ProcedureStage.Withdrawn, c.Stage);
        Assert.Equal((TownshipDay, "农户自愿撤回申请"), (c.ClosedOn, c.ClosingReason));
        Assert.False(c.IsOpen);
        Assert.Contains("已撤回", Refused(c.Withdraw(CountyDay, "再次撤回")));
    }

    [Fact]
    public void A_case_before_the_county_is_not_withdrawn_but_can_be_sent_back_by_the_county()
    {
        var c = AtCounty();
        Assert.Contains("可请县级退回修改", Refused(c.Withdraw(CountyDay, "撤回")));
        Assert.Equal(ProcedureStage.AwaitingCounty, c.Stage);

        Ok(c.DecideAtCounty(ReviewDecision.RequestRevision, CountyDay, "按申请人意见退回", CountyApprover, 0));
        Ok(c.Withdraw(CountyDay, "农户自愿撤回申请"));
        Assert.Equal(ProcedureStage.Withdrawn, c.Stage);
    }

    [Fact]
    public void A_decided_case_is_not_withdrawn()
    {
        Assert.Contains("已批准", Refused(Approved().Withdraw(CountyDay, "撤回")));
        var rejected = Proposed(ProcedureKind.Exit);
        Ok(rejected.RecordVillageReview(ReviewDay, 10, 2, 8, 0, Attendance, VillageClerk));
        Assert.Contains("未通过", Refused(rejected.Withdraw(CountyDay, "撤回")));
        Assert.Equal("民主评议未通过（参加10人，赞成2票）", rejected.ClosingReason);
    }

    [Fact]
    public void An_open_case_past_its_due_day_is_overdue_and_a_closed_one_never()
    {
        var c = Publicised();
        Assert.Equal(Clue.AddDays(30), c.DueOn);
        Assert.False(c.IsOverdue(c.DueOn));
        Assert.True(c.IsOverdue(c.DueOn.AddDays(1)));

        Ok(c.Withdraw(c.DueOn.AddDays(2), "撤回"));
        Assert.False(c.IsOverdue(c.DueOn.AddDays(5)));
    }

    [Fact]
    public void The_title_and_the_stage_labels_read_as_the_officials_say_them()
    {
        Assert.Equal("风险消除程序", Proposed(ProcedureKind.RiskElimination).Title);
        Assert.Equal(["待民主评议", "待公示", "公示中", "待县级审批", "退回修改", "已批准", "未通过", "已撤回"],
            Enum.GetValues<ProcedureStage>().Select(s => s.Label()));
        Assert.Equal([true, true, true, true, true, false, false, false], Enum.GetValues<ProcedureStage>().Select(s => s.IsOpen()));
    }
}
