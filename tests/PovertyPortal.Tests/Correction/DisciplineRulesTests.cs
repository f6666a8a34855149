using PovertyPortal.Domain.Correction;

namespace PovertyPortal.Tests.Correction;

public sealed class DisciplineRulesTests
{
    private static readonly DateOnly Today = new(2026, 6, 10);

    [Theory]
    [InlineData(CorrectionType.Probation, 2, false)]      // art. 41 (四): three warnings
    [InlineData(CorrectionType.Probation, 3, true)]
    [InlineData(CorrectionType.Parole, 2, false)]
    [InlineData(CorrectionType.Parole, 3, true)]
    [InlineData(CorrectionType.Parole, 4, true)]
    [InlineData(CorrectionType.TemporaryOutOfPrison, 1, false)] // art. 42 (四): two warnings
    [InlineData(CorrectionType.TemporaryOutOfPrison, 2, true)]
    [InlineData(CorrectionType.Control, 2, false)]        // 管制 has no revocation or reimprisonment
    [InlineData(CorrectionType.Control, 9, false)]
    public void A_proposal_falls_due_at_the_articles_count_of_warnings(CorrectionType type, int warnings, bool due)
    {
        var why = DisciplineRules.ProposalDue(type, warnings, abscondedSince: null, Today, proposalPending: false);
        Assert.Equal(due, why is not null);
    }

    [Fact]
    public void Each_type_is_liable_to_its_own_proposal_with_its_own_words()
    {
        Assert.Equal(ProposalKind.Revocation, DisciplineRules.ProposalFor(CorrectionType.Probation));
        Assert.Equal(ProposalKind.Revocation, DisciplineRules.ProposalFor(CorrectionType.Parole));
        Assert.Equal(ProposalKind.Reimprisonment, DisciplineRules.ProposalFor(CorrectionType.TemporaryOutOfPrison));
        Assert.Null(DisciplineRules.ProposalFor(CorrectionType.Control));

        Assert.Contains("撤销缓刑建议", DisciplineRules.ProposalDue(CorrectionType.Probation, 3, null, Today, false));
        Assert.Contains("撤销假释建议", DisciplineRules.ProposalDue(CorrectionType.Parole, 3, null, Today, false));
        Assert.Contains("收监执行建议", DisciplineRules.ProposalDue(CorrectionType.TemporaryOutOfPrison, 2, null, Today, false));
    }

    [Fact]
    public void A_pending_proposal_answers_the_warnings_and_the_absconding()
    {
        Assert.Null(DisciplineRules.ProposalDue(CorrectionType.Probation, 3, null, Today, proposalPending: true));
        Assert.Null(DisciplineRules.ProposalDue(CorrectionType.TemporaryOutOfPrison, 2, Today.AddMonths(-3), Today, proposalPending: true));
    }

    [Fact]
    public void Out_of_supervision_for_more_than_one_month_calls_for_a_proposal()
    {
        var since = new DateOnly(2026, 1, 10);
        // 一个月 from January 10th (the day itself not counted) ends on February 10th; more than that is February 11th.
        Assert.Null(DisciplineRules.ProposalDue(CorrectionType.Probation, 0, since, new(2026, 2, 10), false));
        Assert.Contains("脱离监管超过一个月", DisciplineRules.ProposalDue(CorrectionType.Probation, 0, since, new(2026, 2, 11), false));
        Assert.Contains("收监执行建议", DisciplineRules.ProposalDue(CorrectionType.TemporaryOutOfPrison, 0, since, new(2026, 2, 11), false));
        Assert.Null(DisciplineRules.ProposalDue(CorrectionType.Control, 0, since, new(2026, 6, 1), false));
    }

    [Fact]
    public void Out_of_prison_absconding_calls_for_reimprisonment_without_waiting_a_month()
    {
        // Art. 42 item 二: 拒不报告行踪，脱离监管的 — no month, unlike art. 41 item 二.
        var since = new DateOnly(2026, 1, 10);
        Assert.Contains("收监执行建议", DisciplineRules.ProposalDue(CorrectionType.TemporaryOutOfPrison, 0, since, since, false));
        Assert.Null(DisciplineRules.ProposalDue(CorrectionType.Parole, 0, since, since.AddDays(20), false));
    }

    [Fact]
    public void The_court_decides_a_revocation_in_one_month_and_the_organ_a_reimprisonment_in_fifteen_days()
    {
        Assert.Equal(new DateOnly(2026, 4, 15), CorrectionProposal.DueAfter(ProposalKind.Revocation, new(2026, 3, 15)));
        Assert.Equal(new DateOnly(2026, 2, 28), CorrectionProposal.DueAfter(ProposalKind.Revocation, new(2026, 1, 31))); // no 2.31: month end
        Assert.Equal(new DateOnly(2026, 3, 30), CorrectionProposal.DueAfter(ProposalKind.Reimprisonment, new(2026, 3, 15)));
        Assert.Equal(new DateOnly(2026, 10, 16), CorrectionProposal.DueAfter(ProposalKind.Reimprisonment, new(2026, 10, 1))); // calendar days, holidays or not
    }
}
