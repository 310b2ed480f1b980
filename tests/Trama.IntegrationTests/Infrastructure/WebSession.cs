using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Trama.Web.Features.Demo;

namespace Trama.IntegrationTests.Infrastructure;

/// A browser-like client without JavaScript: cookies, redirects followed by hand, forms submitted
/// with their hidden fields (the antiforgery token included).
public sealed class WebSession(HttpClient client) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public async Task<HtmlResult> GetAsync(string path) => await SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    public async Task<HtmlResult> SubmitAsync(HtmlResult page, string formSelector, params (string Name, string Value)[] values)
    {
        var (target, fields) = Fields(page, formSelector, values);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent(fields) });
    }

    /// Submits a form with a file, as multipart/form-data, the other fields as the page has them.
    public async Task<HtmlResult> UploadAsync(HtmlResult page, string formSelector, string fileField, string fileName, byte[] file, params (string Name, string Value)[] values)
    {
        var (target, fields) = Fields(page, formSelector, values);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(file), fileField, fileName);
        return await SendAsync(new HttpRequestMessage(HttpMethod.Post, target) { Content = content });
    }

    private static (string Target, List<KeyValuePair<string, string>> Fields) Fields(HtmlResult page, string formSelector, (string Name, string Value)[] values)
    {
        var form = page.Document.QuerySelector<IHtmlFormElement>(formSelector)
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            if (values.Any(v => v.Name == input.Name) || input.Type == "file")
            {
                continue;
            }

            if ((input.Type is "checkbox" or "radio") && !input.IsChecked)
            {
                continue;
            }

            fields.Add(new(input.Name!, input.Value));
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(s => values.All(v => v.Name != s.Name)))
        {
            // As a browser does: the selected option, or else the first one.
            var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
            fields.Add(new(select.Name!, option?.Value ?? string.Empty));
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(t => values.All(v => v.Name != t.Name)))
        {
            fields.Add(new(area.Name!, area.Value));
        }

        fields.AddRange(values.Select(v => new KeyValuePair<string, string>(v.Name, v.Value)));
        var action = form.GetAttribute("action");
        return (string.IsNullOrEmpty(action) ? page.Url.PathAndQuery : action, fields);
    }

    public async Task<HtmlResult> LoginAsync(string userName, string? password = null)
    {
        var login = await GetAsync("/Account/Login");
        return await SubmitAsync(login, "main form", ("Input.UserName", userName), ("Input.Password", password ?? DemoData.Password));
    }

    public async Task<HtmlResult> SwitchLanguageAsync(HtmlResult page, string culture) =>
        await SubmitAsync(page, "form[action='/Account/Language']", ("culture", culture));

    private async Task<HtmlResult> SendAsync(HttpRequestMessage request)
    {
        var redirects = new List<Uri>();
        var response = await client.SendAsync(request);
        while (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb)
        {
            var location = response.Headers.Location!;
            redirects.Add(location);
            response.Dispose();
            response = await client.GetAsync(location);
            if (redirects.Count > 10)
            {
                throw new InvalidOperationException("Redirect loop: " + string.Join(" → ", redirects));
            }
        }

        using (response)
        {
            var html = await response.Content.ReadAsStringAsync();
            var url = response.RequestMessage!.RequestUri!;
            return new HtmlResult(response.StatusCode, url, redirects, Parser.ParseDocument(html), html);
        }
    }

    public void Dispose() => client.Dispose();
}

public sealed record HtmlResult(HttpStatusCode Status, Uri Url, IReadOnlyList<Uri> Redirects, IHtmlDocument Document, string Html)
{
    public string Text => Document.Body?.TextContent ?? string.Empty;

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public string TextOf(string selector) => (Find(selector) ?? throw new InvalidOperationException($"'{selector}' not on {Url}")).TextContent.Trim();

    public IReadOnlyList<string> Errors => Document.QuerySelectorAll("[data-testid=form-errors] li, .text-danger")
        .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
}
