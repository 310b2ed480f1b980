using System.Net;
using Microsoft.EntityFrameworkCore;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Features.Projects;

[Trait("Database", "Any")]
public sealed class CrisisPlanTests(TramaApp app) : IClassFixture<TramaApp>
{
    [Fact]
    public async Task TwoPeopleEditingThePlan_TheSecondSeesBothVersions_AndOnlyADeliberateSecondSaveReplaces()
    {
        var id = await app.WithDbAsync(db => db.Projects.Where(p => p.Person.PseudonymousCode == "AMI-0001").Select(p => p.Id).SingleAsync());
        using var first = app.NewSession();
        using var second = app.NewSession();
        await first.LoginAsync("clinico");
        await second.LoginAsync("operatore");
        var firstForm = await first.GetAsync($"/Projects/{id}/CrisisPlan");
        var secondForm = await second.GetAsync($"/Projects/{id}/CrisisPlan");

        await first.SubmitAsync(firstForm, "main form", ("Input.Signs", "Non risponde al telefono per due giorni."));
        var conflict = await second.SubmitAsync(secondForm, "main form", ("Input.Signs", "Smette di venire al laboratorio di cucina."));

        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Contains("Non risponde al telefono per due giorni.", conflict.TextOf("[data-testid=saved-version]"), StringComparison.Ordinal);
        Assert.Equal("Smette di venire al laboratorio di cucina.", conflict.Find("#Input_Signs")!.TextContent.Trim());
        Assert.Equal("Non risponde al telefono per due giorni.", await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.CrisisSigns).SingleAsync()));

        var saved = await second.SubmitAsync(conflict, "main form");
        Assert.Equal($"/Projects/{id}", saved.Url.AbsolutePath);
        Assert.Equal("Smette di venire al laboratorio di cucina.", await app.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.CrisisSigns).SingleAsync()));
    }
}
