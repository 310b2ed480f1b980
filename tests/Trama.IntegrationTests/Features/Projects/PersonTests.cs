using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class PersonTests(TramaApp app) : IClassFixture<TramaApp>
{
    private Task<Guid> ProjectAsync(string code) =>
        app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == code).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task Details_SavedByTheTeam_AreKeptAndAudited()
    {
        var id = await ProjectAsync("AMI-0009");
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var form = await session.GetAsync($"/Projects/{id}/Person");
        var saved = await session.SubmitAsync(form, "main form", ("Input.Languages", "italiano, arabo"), ("Input.GeneralPractitioner", "Dott. Esempio"));
        Assert.Equal("Dati della persona salvati.", saved.TextOf("[role=status]"));
        var person = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Person).SingleAsync());
        Assert.Equal("italiano, arabo", person.Languages);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Person" && a.PersonId == person.Id && a.Changes!.Contains("Languages"))));
    }

    [Fact]
    public async Task Details_EditedByTwoPeople_TheSecondGetsAConflictAndKeepsTheirInput()
    {
        var id = await ProjectAsync("AMI-0001");
        using var first = app.NewSession();
        using var second = app.NewSession();
        await first.LoginAsync("clinico");
        await second.LoginAsync("operatore");
        var a = await first.GetAsync($"/Projects/{id}/Person");
        var b = await second.GetAsync($"/Projects/{id}/Person");
        await first.SubmitAsync(a, "main form", ("Input.Phone", "02 1234567"));
        var conflict = await second.SubmitAsync(b, "main form", ("Input.Phone", "02 7654321"));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal("02 7654321", conflict.Find("#Input_Phone")!.GetAttribute("value"));
        Assert.Equal("02 1234567", await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Person.Phone).SingleAsync()));
    }

    [Fact]
    public async Task Details_FiscalCodeThatDisagreesWithTheSex_IsExplained()
    {
        var id = await ProjectAsync("AMI-0001");
        using var session = app.NewSession();
        await session.LoginAsync("clinico");
        var form = await session.GetAsync($"/Projects/{id}/Person");
        var refused = await session.SubmitAsync(form, "main form", ("Input.Sex", "Female"));
        Assert.Equal("Il codice fiscale non corrisponde al sesso indicato.", refused.TextOf("#FiscalCode-error"));
    }
}
