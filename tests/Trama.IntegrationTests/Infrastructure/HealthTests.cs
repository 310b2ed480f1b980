using System.Net;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Infrastructure;

[Trait("Database", "Any")]
public sealed class HealthTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task Live_AnswersWithoutSigningIn()
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_MigratedDatabase_IsHealthy()
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
