using Trama.Web.Features.Organisations;

namespace Trama.UnitTests.Organisations;

public sealed class OrganisationMembershipTests
{
    private static OrganisationMembership Membership(DateOnly starts, DateOnly? ends = null) =>
        new() { UserId = "u", StartsOn = starts, EndsOn = ends };

    [Fact]
    public void IsCurrentOn_OpenEnded_IsCurrentFromItsStart()
    {
        var m = Membership(new DateOnly(2024, 1, 1));
        Assert.False(m.IsCurrentOn(new DateOnly(2023, 12, 31)));
        Assert.True(m.IsCurrentOn(new DateOnly(2024, 1, 1)));
        Assert.True(m.IsCurrentOn(new DateOnly(2030, 1, 1)));
    }

    [Fact]
    public void IsCurrentOn_Ended_IsCurrentThroughItsLastDayOnly()
    {
        var m = Membership(new DateOnly(2024, 1, 1), new DateOnly(2024, 6, 30));
        Assert.True(m.IsCurrentOn(new DateOnly(2024, 6, 30)));
        Assert.False(m.IsCurrentOn(new DateOnly(2024, 7, 1)));
    }
}
