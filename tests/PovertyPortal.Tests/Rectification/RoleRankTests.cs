using PovertyPortal.Domain.Users;

namespace PovertyPortal.Tests.Rectification;

public sealed class RoleRankTests
{
    [Fact]
    public void Poverty_alleviation_roles_rank_in_their_order_highest_first_and_correction_roles_stand_outside()
    {
        Assert.Equal(Enumerable.Range(0, PortalRoles.PovertyAlleviation.Count), PortalRoles.PovertyAlleviation.Select(PortalRoles.Rank));
        Assert.Equal(-1, PortalRoles.Rank(PortalRoles.JusticeBureau));
        Assert.Equal(-1, PortalRoles.Rank(PortalRoles.JudicialOffice));
        Assert.Equal(-1, PortalRoles.Rank("Visitor"));
        Assert.Equal(-1, PortalRoles.Rank(null));
    }

    [Fact]
    public void A_role_outranks_only_the_roles_below_it_and_nobody_outranks_or_is_outranked_by_an_unknown_role()
    {
        Assert.True(PortalRoles.Outranks(PortalRoles.CountySupervisor, PortalRoles.TownshipOfficial));
        Assert.True(PortalRoles.Outranks(PortalRoles.WorkTeamLeader, PortalRoles.WorkTeamMember));
        Assert.False(PortalRoles.Outranks(PortalRoles.TownshipOfficial, PortalRoles.TownshipOfficial));
        Assert.False(PortalRoles.Outranks(PortalRoles.WorkTeamMember, PortalRoles.WorkTeamLeader));
        Assert.False(PortalRoles.Outranks(PortalRoles.SystemAdmin, "Visitor"));
        Assert.False(PortalRoles.Outranks(null, PortalRoles.WorkTeamMember));
    }

    [Theory]
    [InlineData(PortalRoles.SystemAdmin, true)]
    [InlineData(PortalRoles.CountySupervisor, true)]
    [InlineData(PortalRoles.TownshipOfficial, false)]
    [InlineData(PortalRoles.WorkTeamLeader, false)]
    [InlineData(PortalRoles.WorkTeamMember, false)]
    public void Inspection_rounds_are_planned_by_the_county(string role, bool allowed) =>
        Assert.Equal(allowed, PortalRoles.CanPlanInspections(role));
}
