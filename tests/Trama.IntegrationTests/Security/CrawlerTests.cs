using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Data;
using Trama.Web.Features.Demo;

namespace Trama.IntegrationTests.Security;

/// Signs in as every role, follows every link it is shown and submits every form it finds with
/// empty, huge, malformed, hostile and random values. Whatever is sent, the answer is a page or
/// a 4xx with a message, never a server error or an echoed script, and the database stays sound.
[Trait("Database", "Any")]
public sealed partial class CrawlerTests(TramaApp app) : IClassFixture<TramaApp>
{
    private const int PagesPerRole = 70;
    private const int SamePattern = 2;
    private const string Script = "<script>alert('trama')</script>";

    private static readonly HtmlParser Parser = new();

    private const string Accents = "àèéìòù€«»’\u200B\u00A0";

    private static readonly string[] Kinds = ["empty", "huge", "malformed", "hostile", "random"];

    private static readonly string[] Hostile =
    [
        Script,
        "\"><img src=x onerror=alert('trama')>",
        "' OR 1=1; DROP TABLE \"People\"; --",
        "../../../../etc/passwd",
        "=HYPERLINK(\"http://evil.example\")",
        "{{7*7}} ${7*7} @(7*7)",
        "\u202Eevil\u202C ‮",
    ];

    /// Roles in an order where no one can lock out those after them: the administrator last.
    public static TheoryData<string> Users() => new(DemoData.Users.Select(u => u.UserName).OrderBy(u => u == "admin"));

    [Theory]
    [MemberData(nameof(Users))]
    public async Task EveryPageAndFormOfARole_AnswersWithoutAServerError_WhateverIsTyped(string user)
    {
        var seed = user.Aggregate(17, (h, c) => (h * 31) + c);
        var random = new Random(seed);
        using var session = app.NewSession();
        var home = await session.LoginAsync(user);
        Assert.Equal(HttpStatusCode.OK, home.Status);

        var problems = new List<string>();
        var queue = new Queue<string>([home.Url.PathAndQuery]);
        var seenUrls = new HashSet<string>(StringComparer.Ordinal);
        var perPattern = new Dictionary<string, int>(StringComparer.Ordinal);
        var formsTried = new HashSet<string>(StringComparer.Ordinal);
        var pages = 0;
        var submissions = 0;
        while (queue.TryDequeue(out var url) && pages < PagesPerRole)
        {
            var pattern = Pattern(url);
            if (!seenUrls.Add(url) || perPattern.GetValueOrDefault(pattern) >= SamePattern)
            {
                continue;
            }

            perPattern[pattern] = perPattern.GetValueOrDefault(pattern) + 1;
            pages++;
            using var response = await session.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
            var page = await ReadAsync(response);
            Judge("GET " + url, response.StatusCode, page, problems);
            if (page is null || response.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }

            foreach (var link in Links(page))
            {
                queue.Enqueue(link);
            }

            var forms = page.QuerySelectorAll<IHtmlFormElement>("form").ToList();
            for (var f = 0; f < forms.Count; f++)
            {
                var action = Action(forms[f], url);
                if (action.StartsWith("/Account/Logout", StringComparison.Ordinal) || !formsTried.Add(forms[f].Method + " " + Pattern(action)))
                {
                    continue;
                }

                foreach (var kind in Kinds)
                {
                    // A fresh copy of the page each time: a successful save changes versions and tokens.
                    using var fresh = await session.Client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
                    var current = await ReadAsync(fresh);
                    var form = current?.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(x => Action(x, url) == action);
                    if (form is null)
                    {
                        break;
                    }

                    var (status, answer, method) = await SubmitAsync(session.Client, form, action, kind, random);
                    submissions++;
                    Judge($"{method} {action} ({kind})", status, answer, problems);
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"crawler {user}: {pages} pages, {formsTried.Count} forms, {submissions} submissions, seed {seed}");
        Assert.True(problems.Count == 0, $"{user} (seed {seed}):\n" + string.Join('\n', problems.Take(20)));
        Assert.True(pages > 1, $"{user} saw only {pages} page");
        await AssertConsistentAsync();
    }

    /// What the crawl may not break: the engine's integrity, the audit chain, and each project
    /// being in the state its last transition says.
    private async Task AssertConsistentAsync()
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var check = await DatabaseCheck.RunAsync(db, TestContext.Current.CancellationToken);
        Assert.True(check.IsSound, $"{check.Integrity}; audit broken at {check.Audit.FirstBrokenSequence}");

        var projects = await db.Projects
            .Select(p => new { p.State, Last = db.ProjectTransitions.Where(t => t.ProjectId == p.Id).OrderByDescending(t => t.AtUtc).Select(t => (Trama.Web.Features.Projects.ProjectState?)t.To).FirstOrDefault() })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.All(projects.Where(p => p.Last is not null), p => Assert.Equal(p.Last, p.State));
    }

    private static void Judge(string what, HttpStatusCode status, IHtmlDocument? page, List<string> problems)
    {
        var code = (int)status;
        if (code >= 500)
        {
            problems.Add($"{what}: {code}");
            return;
        }

        if (page is null)
        {
            return;
        }

        var html = page.DocumentElement.OuterHtml;
        if (html.Contains(Script, StringComparison.Ordinal) || page.QuerySelector("img[onerror]") is not null)
        {
            problems.Add($"{what}: a submitted script came back unescaped");
        }

        if (code >= 400 && string.IsNullOrWhiteSpace(page.QuerySelector("h1")?.TextContent))
        {
            problems.Add($"{what}: {code} without a message");
        }

        if (html.Contains("   at Trama.", StringComparison.Ordinal) || html.Contains("Exception:", StringComparison.Ordinal))
        {
            problems.Add($"{what}: a stack trace in the page");
        }
    }

    private static async Task<IHtmlDocument?> ReadAsync(HttpResponseMessage response)
    {
        var type = response.Content.Headers.ContentType?.MediaType;
        return type == "text/html" ? Parser.ParseDocument(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)) : null;
    }

    private static IEnumerable<string> Links(IHtmlDocument page) =>
        page.QuerySelectorAll<IHtmlAnchorElement>("a[href]")
            .Select(a => a.GetAttribute("href")!)
            .Where(h => h.StartsWith('/') && !h.StartsWith("//", StringComparison.Ordinal))
            .Select(h => h.Split('#')[0])
            .Where(h => !Regex.IsMatch(h, @"^/(lib|css|js|img|_framework)/|\.(css|js|png|svg|ico|woff2?)$"));

    private static string Action(IHtmlFormElement form, string pageUrl)
    {
        var action = form.GetAttribute("action");
        return string.IsNullOrEmpty(action) ? pageUrl : WebUtility.HtmlDecode(action);
    }

    /// The shape of a URL: ids and numbers replaced, query values dropped.
    private static string Pattern(string url)
    {
        var parts = url.Split('?', 2);
        var path = Ids().Replace(parts[0], "{id}");
        var keys = parts.Length > 1 ? string.Join('&', parts[1].Split('&').Select(p => p.Split('=')[0]).Order(StringComparer.Ordinal)) : string.Empty;
        return path + "?" + keys;
    }

    private static async Task<(HttpStatusCode Status, IHtmlDocument? Page, string Method)> SubmitAsync(HttpClient client, IHtmlFormElement form, string action, string kind, Random random)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            switch (input.Type)
            {
                case "hidden":
                case "submit":
                case "button":
                    fields.Add(new(input.Name!, input.Value));
                    break;
                case "file":
                    break;
                case "checkbox":
                case "radio":
                    if (random.Next(2) == 0 || input.IsChecked)
                    {
                        fields.Add(new(input.Name!, kind == "hostile" ? Pick(Hostile, random) : input.Value));
                    }

                    break;
                default:
                    fields.Add(new(input.Name!, Value(kind, input.Type, random)));
                    break;
            }
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]"))
        {
            var options = select.Options.Select(o => o.Value).ToList();
            fields.Add(new(select.Name!, kind == "random" && options.Count > 0 ? Pick(options, random) : Value(kind, "select", random)));
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]"))
        {
            fields.Add(new(area.Name!, Value(kind, "textarea", random)));
        }

        var isGet = string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase);
        using var request = isGet
            ? new HttpRequestMessage(HttpMethod.Get, action.Split('?')[0] + "?" + string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))))
            : new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) };
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var status = response.StatusCode;
        var page = await ReadAsync(response);
        if (status is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther && response.Headers.Location is { } location)
        {
            using var followed = await client.GetAsync(location, TestContext.Current.CancellationToken);
            return (followed.StatusCode, await ReadAsync(followed), request.Method.Method + " → " + location);
        }

        return (status, page, request.Method.Method);
    }

    private static string Value(string kind, string type, Random random) => kind switch
    {
        "empty" => string.Empty,
        "huge" => type is "number" ? new string('9', 60) : new string('A', 20_000) + " " + new string('à', 5_000),
        "malformed" => type switch
        {
            "date" => Pick(["2026-02-30", "31/12/2026", "0000-00-00", "9999-99-99", "ieri"], random),
            "number" => Pick(["12,34,56", "1e400", "-0", "NaN", "€ 12", "0x1F", "١٢٣"], random),
            "email" => "@@example",
            "time" => "25:61",
            _ => Pick(["\u0000\u0001\u0002", "RSSMRA80A01F205X RSSMRA80A01F205X", "%00%0d%0a", "\r\n\r\nSet-Cookie: x=1", "\\u0000"], random),
        },
        "hostile" => Pick(Hostile, random),
        _ => RandomText(random),
    };

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var length = random.Next(0, 300);
        for (var i = 0; i < length; i++)
        {
            var c = random.Next(5) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0xA0, 0x2FF),
                2 => (char)random.Next(0x400, 0x4FF),
                3 => (char)random.Next(0x4E00, 0x4FFF),
                _ => Accents[random.Next(Accents.Length)],
            };
            text.Append(c);
        }

        return text.ToString();
    }

    private static string Pick(IReadOnlyList<string> values, Random random) => values[random.Next(values.Count)];

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/)\d+(?=/|$)")]
    private static partial Regex Ids();
}
