using PovertyPortal.Domain.Households;
using PovertyPortal.Domain.Procedures;
using static PovertyPortal.Tests.Procedures.ProcedureCases;

namespace PovertyPortal.Tests.Procedures;

/// <summary>The 公示事由 is said in set words by kind: the case's free-text reason never reaches the village board.</summary>
public sealed class PublicNoticeLineTests
{
    private const string PrivateReason = "户主患尿毒症长期透析，医保卡号6217000012345678901，电话13812345678";

    public static TheoryData<ProcedureKind> Kinds() => [.. Enum.GetValues<ProcedureKind>()];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_reason_of_every_kind_leaves_out_the_cases_own_reason_and_evidence(ProcedureKind kind)
    {
        var c = Proposed(kind, PrivateReason);
        c.Evidence = "住院病历、银行流水";
        var reason = PublicNoticeLine.ReasonOf(c);

        Assert.False(string.IsNullOrWhiteSpace(reason));
        Assert.DoesNotContain("尿毒症", reason);
        Assert.DoesNotContain("透析", reason);
        Assert.DoesNotContain("病历", reason);
        Assert.DoesNotContain("银行", reason);
        Assert.DoesNotMatch(@"\d{11}", reason);
    }

    [Fact]
    public void Each_kind_says_its_own_grounds()
    {
        Assert.Equal("经申请和评议，主要致贫原因为缺劳力", PublicNoticeLine.ReasonOf(Proposed(ProcedureKind.Identification)));
        Assert.Equal("2026年人均纯收入稳定超过标准，“两不愁三保障”达标", PublicNoticeLine.ReasonOf(Proposed(ProcedureKind.Exit)));
        Assert.Equal("经核实存在返贫致贫风险，拟纳入边缘易致贫户", PublicNoticeLine.ReasonOf(Proposed(ProcedureKind.Monitoring)));
        Assert.Contains("风险已消除", PublicNoticeLine.ReasonOf(Proposed(ProcedureKind.RiskElimination)));
        Assert.Equal("经核实不符合建档立卡条件", PublicNoticeLine.ReasonOf(Proposed(ProcedureKind.Removal)));
        Assert.Contains("低于标准", PublicNoticeLine.ReasonOf(Proposed(ProcedureKind.Return)));
    }

    [Theory]
    [InlineData(PovertyCause.Illness)]
    [InlineData(PovertyCause.Disability)]
    public void A_health_cause_is_not_printed(PovertyCause cause)
    {
        var identification = Proposed(ProcedureKind.Identification);
        identification.ProposedCause = cause;
        Assert.Equal("经申请和评议，符合识别条件", PublicNoticeLine.ReasonOf(identification));
    }

    [Fact]
    public void Without_the_proposed_details_the_reason_still_reads_as_a_sentence()
    {
        var identification = Proposed(ProcedureKind.Identification);
        identification.ProposedCause = null;
        Assert.Equal("经申请和评议，符合识别条件", PublicNoticeLine.ReasonOf(identification));

        var monitoring = Proposed(ProcedureKind.Monitoring);
        monitoring.ProposedMonitoringType = null;
        Assert.Equal("经核实存在返贫致贫风险", PublicNoticeLine.ReasonOf(monitoring));

        var exit = Proposed(ProcedureKind.Exit);
        exit.ProposedYear = null;
        Assert.Equal("人均纯收入稳定超过标准，“两不愁三保障”达标", PublicNoticeLine.ReasonOf(exit));
    }
}
