using PovertyPortal.Domain.Correction;
using static PovertyPortal.Tests.Correction.Cases;

namespace PovertyPortal.Tests.Correction;

public sealed class ResidenceChangeTests
{
    private static ResidenceChange Move(DateOnly? consentOn = null) => new()
    {
        SubjectId = 7,
        AppliedOn = new(2026, 3, 15),
        MoveOn = new(2026, 4, 15),
        NewAddress = "晋中市榆次区某街道",
        NewCountyBureau = "榆次区司法局",
        Reason = "随子女迁居",
        OfficeOpinion = "同意",
        NewCountyConsentOn = consentOn,
        Status = ResidenceChangeStatus.AwaitingCounty,
    };

    [Theory]
    [InlineData("2026-03-15", "2026-04-15", true)]  // 提前一个月
    [InlineData("2026-03-15", "2026-04-14", false)]
    [InlineData("2026-01-31", "2026-02-28", true)]  // no 2.31: the month ends with February
    [InlineData("2026-01-31", "2026-02-27", false)]
    public void A_move_is_asked_for_one_month_ahead(string applied, string move, bool inTime)
    {
        var refusal = ResidenceChange.CheckNotice(DateOnly.Parse(applied), DateOnly.Parse(move));
        Assert.Equal(inTime, refusal is null);
        if (!inTime) Assert.Contains("提前一个月", refusal);
    }

    [Fact]
    public void The_county_cannot_approve_before_the_new_county_has_agreed()
    {
        var move = Move();
        Assert.Contains("同意接收前", Refused(move.Approve(new(2026, 3, 20), "县局钱科长")));
        Assert.Equal(ResidenceChangeStatus.AwaitingCounty, move.Status);
        Assert.Null(move.DecidedOn);

        move.NewCountyConsentOn = new(2026, 3, 25);
        Ok(move.Approve(new(2026, 3, 26), "县局钱科长"));
        Assert.Equal((ResidenceChangeStatus.Approved, new DateOnly(2026, 3, 26), "县局钱科长"), (move.Status, move.DecidedOn, move.DecidedBy));
        Refused(move.Approve(new(2026, 3, 27), "县局钱科长"));
        Refused(move.Refuse(new(2026, 3, 27), "县局钱科长", "改变主意"));
    }

    [Fact]
    public void A_refusal_needs_its_reason()
    {
        var move = Move();
        Refused(move.Refuse(new(2026, 3, 20), "县局钱科长", " "));
        Ok(move.Refuse(new(2026, 3, 20), "县局钱科长", " 新居住地不同意接收 "));
        Assert.Equal((ResidenceChangeStatus.Refused, "新居住地不同意接收"), (move.Status, move.RefusalReason));
    }
}
