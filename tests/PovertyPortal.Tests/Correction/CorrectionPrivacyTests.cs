using PovertyPortal.Domain.Correction;
using PovertyPortal.Domain.Users;
using static PovertyPortal.Tests.Correction.Cases;

namespace PovertyPortal.Tests.Correction;

public sealed class CorrectionPrivacyTests
{
    private const string Officer = "u-officer";
    private const string IdNumber = "140702200806150012";

    [Theory]
    [InlineData(PortalRoles.JudicialOffice, "u-office", true)]   // the township's 司法所 runs the case
    [InlineData(PortalRoles.JusticeBureau, Officer, true)]       // the county officer who keeps it
    [InlineData(PortalRoles.JusticeBureau, "u-colleague", false)] // another county officer
    [InlineData(PortalRoles.JusticeBureau, null, false)]
    [InlineData(PortalRoles.SystemAdmin, "u-admin", false)]
    [InlineData(PortalRoles.CountySupervisor, "u-county", false)]
    [InlineData(null, null, false)]
    public void A_minors_identity_is_for_their_own_case_staff(string? role, string? userId, bool sees) =>
        Assert.Equal(sees, CorrectionPrivacy.CanSeeIdentity(isMinor: true, Officer, role, userId));

    [Fact]
    public void An_adults_identity_is_not_hidden_from_anyone()
    {
        Assert.True(CorrectionPrivacy.CanSeeIdentity(isMinor: false, Officer, PortalRoles.JusticeBureau, "u-colleague"));
        Assert.True(CorrectionPrivacy.CanSeeIdentity(isMinor: false, null, null, null));
    }

    [Fact]
    public void A_case_without_an_officer_shows_a_minor_to_no_county_user()
    {
        Assert.False(CorrectionPrivacy.CanSeeIdentity(isMinor: true, caseOfficerUserId: null, PortalRoles.JusticeBureau, "u-any"));
    }

    [Fact]
    public void The_hidden_name_and_ID_give_nothing_of_the_minor_away()
    {
        var name = CorrectionPrivacy.DisplayName(42, "赵小明", canSeeIdentity: false);
        Assert.DoesNotContain("赵", name);
        Assert.Contains("42", name);
        var id = CorrectionPrivacy.DisplayResidentId(IdNumber, canSeeIdentity: false);
        Assert.Equal(CorrectionPrivacy.HiddenId, id);
        Assert.DoesNotContain("1407", id);
    }

    [Fact]
    public void Case_staff_see_the_name_and_the_ID_masked_like_the_registers()
    {
        Assert.Equal("赵小明", CorrectionPrivacy.DisplayName(42, "赵小明", canSeeIdentity: true));
        var id = CorrectionPrivacy.DisplayResidentId(IdNumber, canSeeIdentity: true);
        Assert.NotEqual(IdNumber, id);
        Assert.StartsWith("140702", id);
        Assert.EndsWith("0012", id);
        Assert.Equal("", CorrectionPrivacy.DisplayResidentId(null, canSeeIdentity: true));
    }

    [Fact]
    public void The_subjects_age_on_the_effective_day_decides()
    {
        var minor = Entrusted(new(2026, 2, 2), birthDate: new(2009, 1, 1));
        minor.EffectiveOn = new(2026, 3, 1);
        minor.CaseOfficerUserId = Officer;
        Assert.False(CorrectionPrivacy.CanSeeIdentity(minor, PortalRoles.JusticeBureau, "u-colleague", new(2028, 1, 1)));
        Assert.True(CorrectionPrivacy.CanSeeIdentity(minor, PortalRoles.JusticeBureau, Officer, new(2028, 1, 1)));

        var adult = Entrusted(new(2026, 2, 2));
        Assert.True(CorrectionPrivacy.CanSeeIdentity(adult, PortalRoles.JusticeBureau, "u-colleague", new(2026, 3, 1)));
    }
}
