using System.Net;
using System.Text.RegularExpressions;

namespace Trama.Benchmark;

/// One signed-in browser: its own cookies and antiforgery token, as a real user has.
public sealed partial class VirtualUser(HttpClient client) : IDisposable
{
    public HttpClient Client => client;

    public static async Task<VirtualUser> SignInAsync(Uri root, string userName, string password)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = root };
        var token = await TokenAsync(client, "/Account/Login");
        using var form = new FormUrlEncodedContent([new("Input.UserName", userName), new("Input.Password", password), new("__RequestVerificationToken", token)]);
        using var response = await client.PostAsync(new Uri("/Account/Login", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"login of {userName} failed: {(int)response.StatusCode}");
        }

        return new VirtualUser(client);
    }

    public static async Task<string> TokenAsync(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        return Token().Match(html) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"no antiforgery token on {path}");
    }

    public async Task<bool> GetAsync(string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public async Task<bool> SendAsync(HttpMethod method, string path)
    {
        using var message = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        using var response = await client.SendAsync(message, HttpCompletionOption.ResponseContentRead);
        return response.StatusCode == HttpStatusCode.OK;
    }

    public async Task<bool> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return response.StatusCode == HttpStatusCode.Found;
    }

    public void Dispose() => client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
