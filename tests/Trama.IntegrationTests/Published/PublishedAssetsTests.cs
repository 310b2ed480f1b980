using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Trama.IntegrationTests.Infrastructure;

namespace Trama.IntegrationTests.Published;

[Trait("Database", "Sqlite")]
public sealed partial class PublishedAssetsTests(PublishedApp app) : IClassFixture<PublishedApp>
{
    private static readonly string[] PagesToCrawl = ["/", "/Admin/Users", "/Admin/Users/Create", "/Account/ChangePassword", "/pagina-inesistente"];

    [Fact]
    public async Task PublishedApp_ServesEveryScriptStylesheetFontAndImageItsPagesReference()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.RootUri };
        using var session = new WebSession(client);
        var assets = new HashSet<Uri>();
        var login = await session.GetAsync("/Account/Login");
        Collect(login, assets);
        Assert.Equal("/", (await session.LoginAsync("admin")).Url.AbsolutePath);
        foreach (var path in PagesToCrawl)
        {
            Collect(await session.GetAsync(path), assets);
        }

        var problems = new List<string>();
        var fonts = 0;
        var queue = new Queue<Uri>(assets);
        while (queue.TryDequeue(out var asset))
        {
            using var response = await client.GetAsync(asset, TestContext.Current.CancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            {
                problems.Add($"{asset}: {(int)response.StatusCode}, {body.Length} bytes");
                continue;
            }

            fonts += asset.AbsolutePath.EndsWith(".woff2", StringComparison.Ordinal) ? 1 : 0;
            if (asset.AbsolutePath.EndsWith(".css", StringComparison.Ordinal))
            {
                foreach (Match url in CssUrl().Matches(System.Text.Encoding.UTF8.GetString(body)))
                {
                    var target = new Uri(asset, url.Groups["url"].Value);
                    if (target.Host == app.RootUri.Host && assets.Add(target))
                    {
                        queue.Enqueue(target);
                    }
                }
            }
        }

        Assert.Empty(problems);
        Assert.Contains(assets, a => a.AbsolutePath.Contains("bootstrap-italia", StringComparison.Ordinal) && a.AbsolutePath.EndsWith(".js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.AbsolutePath.Contains("htmx", StringComparison.Ordinal));
        Assert.True(fonts >= 5, $"only {fonts} fonts reached through the stylesheets");
    }

    [Fact]
    public async Task PublishedApp_PagesReferenceNoOtherOrigin()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.RootUri };
        using var session = new WebSession(client);
        var pages = new List<HtmlResult> { await session.GetAsync("/Account/Login"), await session.LoginAsync("coordinatore") };
        var external = pages.SelectMany(p => p.Document.QuerySelectorAll("[src], [href]"))
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("href")!)
            .Where(u => u.StartsWith("http", StringComparison.Ordinal) || u.StartsWith("//", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(external);
    }

    [Fact]
    public async Task PublishedApp_IsReadyAndLogsAsJson()
    {
        using var client = new HttpClient { BaseAddress = app.RootUri };
        Assert.Equal("Healthy", await client.GetStringAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken));
        var logLines = app.Output.Split('\n').Where(l => l.StartsWith('{')).ToList();
        Assert.Contains(logLines, l => l.Contains("\"LogLevel\":\"Information\"", StringComparison.Ordinal) && l.Contains("\"Category\":", StringComparison.Ordinal));
    }

    private static void Collect(HtmlResult page, HashSet<Uri> assets)
    {
        var references = page.Document.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href"))
            .Concat(page.Document.QuerySelectorAll("script[src], img[src], source[src]").Select(e => e.GetAttribute("src")))
            .Concat(page.Document.QuerySelectorAll("use").Select(e => e.GetAttribute("href") ?? e.GetAttribute("xlink:href")))
            .OfType<string>();
        foreach (var reference in references)
        {
            var url = new Uri(page.Url, reference.Split('#')[0]);
            assets.Add(url);
        }
    }

    [GeneratedRegex("""url\(\s*['"]?(?<url>(?!data:)[^'")]+)['"]?\s*\)""")]
    private static partial Regex CssUrl();
}
