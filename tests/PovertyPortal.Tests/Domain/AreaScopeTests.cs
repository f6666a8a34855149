using PovertyPortal.Domain.Areas;

namespace PovertyPortal.Tests.Domain;

public sealed class AreaScopeTests
{
    [Fact]
    public void A_county_contains_its_townships_and_villages_but_not_another_county()
    {
        var county = AreaScope.County(1);
        Assert.True(county.Contains(AreaScope.Township(1, 10)));
        Assert.True(county.Contains(AreaScope.Village(1, 10, 100)));
        Assert.False(county.Contains(AreaScope.County(2)));
        Assert.False(county.Contains(AreaScope.All));
    }

    [Fact]
    public void A_township_contains_only_its_own_villages_and_never_its_county()
    {
        var township = AreaScope.Township(1, 10);
        Assert.True(township.Contains(AreaScope.Village(1, 10, 100)));
        Assert.False(township.Contains(AreaScope.Village(1, 11, 101)));
        Assert.False(township.Contains(AreaScope.County(1)));
        Assert.False(township.Contains(AreaScope.Township(1, 11)));
    }

    [Fact]
    public void None_sees_nothing_and_All_sees_everything()
    {
        Assert.False(AreaScope.None.Contains(1, 10, 100));
        Assert.False(AreaScope.None.Contains(AreaScope.Village(1, 10, 100)));
        Assert.True(AreaScope.All.Contains(2, 20, 200));
        Assert.Equal(AreaLevel.Village, AreaScope.Village(1, 10, 100).Level);
        Assert.Equal(AreaLevel.All, AreaScope.All.Level);
    }
}
