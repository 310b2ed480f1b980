using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Trama.Web.Data;

namespace Trama.IntegrationTests.Infrastructure;

/// The real app (Program.cs, middleware, migrations, demo data) on a real database of its own.
/// `Kestrel: true` serves it on a loopback port for the browser tests.
public sealed class TramaApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly bool demoData;
    private readonly bool kestrel;
    private readonly TestDatabase? sharedDatabase;
    private TimeProvider? clock;
    private readonly Dictionary<string, string> settings = new()
    {
        // Most tests sign in many times from one address with password only; the tests of the
        // second factor and of the rate limit turn these back to production values.
        ["Trama:Security:RequireTwoFactor"] = "false",
        ["Trama:Security:LoginAttemptsPerMinute"] = "100000",
    };

    private TestDatabase? database;

    public TramaApp()
        : this(demoData: true, kestrel: false, database: null, settings: null)
    {
    }

    private TramaApp(bool demoData, bool kestrel, TestDatabase? database, IReadOnlyDictionary<string, string>? settings)
    {
        this.demoData = demoData;
        this.kestrel = kestrel;
        sharedDatabase = database;
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            this.settings[key] = value;
        }
    }

    /// An app the test starts itself (`await app.InitializeAsync()`), for the few tests that need
    /// another set-up than the shared fixture.
    public static TramaApp Create(bool demoData = true, bool kestrel = false, TestDatabase? database = null, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null) =>
        new(demoData, kestrel, database, settings) { clock = clock };

    public TestDatabase Database => database ?? throw new InvalidOperationException("The app has not started.");

    public Uri RootUri { get; private set; } = new("http://localhost");

    public async ValueTask InitializeAsync()
    {
        database = sharedDatabase ?? await TestDatabase.CreateAsync();
        if (kestrel)
        {
            UseKestrel(0);
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            RootUri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        }
        else
        {
            StartServer();
        }
    }

    public WebSession NewSession() => new(kestrel
        ? new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = RootUri }
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    /// A client of the JSON API holding a bearer token for a demo user.
    public async Task<HttpClient> BearerAsync(string user)
    {
        var client = CreateClient();
        using var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(client, "/api/v1/token", new { userName = user, password = Trama.Web.Features.Demo.DemoData.Password }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> query)
    {
        await using var scope = Scope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");

        // The build output serves wwwroot through the static web assets manifest, which only the
        // Development environment turns on by itself.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Trama", Database.ConnectionString);
        builder.UseSetting("Trama:DataDirectory", Database.DataDirectory);
        builder.UseSetting("Trama:DemoData", demoData ? "true" : "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            // The whole app lives at another moment (a weekday morning for "open now"), demo data included.
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Debug);
            if (TestEnvironment.LogFile is { } file)
            {
                logging.AddProvider(new TestLogFile(file));
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sharedDatabase is null && database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
