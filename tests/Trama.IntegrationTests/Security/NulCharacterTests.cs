using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Security;

/// A NUL character, which PostgreSQL refuses in any text, is refused at the door on both engines.
[Trait("Database", "Any")]
public sealed class NulCharacterTests(TramaApp app) : IClassFixture<TramaApp>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ASearchWithANulCharacter_IsABadRequestPage_NotAServerError()
    {
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var page = await session.GetAsync("/Projects?q=Ro%00ssi");
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.False(string.IsNullOrWhiteSpace(page.TextOf("h1")));
    }

    [Fact]
    public async Task AFormWithANulCharacter_IsRefused_AndNothingIsSaved()
    {
        using var session = app.NewSession();
        await session.LoginAsync("operatore");
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        var form = await session.GetAsync($"/Projects/{id}/Diary/New");
        var answer = await session.SubmitAsync(form, "main form", ("Input.Notes", "Prima\0dopo"));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(0, await app.WithDbAsync(db => db.DiaryEntries.CountAsync(d => d.Notes!.StartsWith("Prima"))));
    }

    [Fact]
    public async Task JsonWithANulCharacter_IsA400()
    {
        using var client = await app.BearerAsync("operatore");
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        using var body = new StringContent("""{"occurredOn":"2026-11-20","type":"PhoneCall","durationMinutes":5,"notes":"Prima\u0000dopo","sensitivity":"Ordinary"}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri($"/api/v1/projects/{id}/diary", UriKind.Relative), body, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
