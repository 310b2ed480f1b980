using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Demo;

namespace Trama.IntegrationTests.Features.Account;

[Trait("Database", "Any")]
public sealed class DemoModeTests
{
    [Fact]
    public async Task DemoPassword_AfterDemoModeIsTurnedOff_NoLongerSignsIn()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var demo = TramaApp.Create(demoData: true, database: database))
        {
            await demo.InitializeAsync();
            using var session = demo.NewSession();
            Assert.Equal("/", (await session.LoginAsync("clinico")).Url.AbsolutePath);
        }

        await using var production = TramaApp.Create(demoData: false, database: database);
        await production.InitializeAsync();
        using var refused = production.NewSession();
        var page = await refused.LoginAsync("clinico", DemoData.Password);
        Assert.Equal("/Account/Login", page.Url.AbsolutePath);
        Assert.Contains("Questo account non è attivo. Rivolgiti all'amministratore.", page.Errors);
    }

    [Fact]
    public async Task Startup_WithoutDemoMode_LoadsNoDemoData()
    {
        await using var app = TramaApp.Create(demoData: false);
        await app.InitializeAsync();
        Assert.Equal(0, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Programmes)));
    }

    [Fact]
    public async Task AnInstallationWithoutDemoData_StartsWithTheStandardCategoriesOfTheGuide()
    {
        await using var app = TramaApp.Create(demoData: false);
        await app.InitializeAsync();
        var codes = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.ServiceCategories.Select(c => c.Code)));
        Assert.Equal(Trama.Web.Features.ServiceDirectory.StandardCategories.All.Select(c => c.Code).Order(), codes.Order());
    }
}
