using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Trama.IntegrationTests.Builders;
using Trama.IntegrationTests.Infrastructure;
using Trama.Web.Features.Account;

namespace Trama.IntegrationTests.Features.Account;

/// Second factor, rate limit and session cookie, with the production settings.
[Trait("Database", "Any")]
public sealed class TwoFactorTests : IAsyncLifetime
{
    private readonly TramaApp app = TramaApp.Create(settings: new Dictionary<string, string>
    {
        ["Trama:Security:RequireTwoFactor"] = "true",
        ["Trama:Security:LoginAttemptsPerMinute"] = "1000",
    });

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    /// RFC 6238 with the authenticator defaults (SHA-1, 30 s, 6 digits), as a phone computes it.
    private static string Totp(string sharedKey, DateTimeOffset? at = null)
    {
        var key = Base32(sharedKey.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant());
        var step = (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // RFC 6238 authenticators use HMAC-SHA1; the test computes what the phone does.
        var hash = HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.TrimEnd('='))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    private async Task<(TestUser User, string Key, IReadOnlyList<string> RecoveryCodes)> EnrolledClinicianAsync()
    {
        var user = await new UserBuilder().WithRole(Roles.Clinician).InOrganisation("CPS via Cherasco").CreateAsync(app);
        using var session = app.NewSession();
        var home = await session.LoginAsync(user.UserName, user.Password);
        var key = home.TextOf("[data-testid=shared-key]");
        var enabled = await session.SubmitAsync(home, "form[action*='handler=Enable']", ("Code", Totp(key)));
        var codes = enabled.Document.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();
        return (user, key, codes);
    }

    [Fact]
    public async Task AStaffMemberWithoutASecondFactor_IsSentToSetOneUp_WhateverPageTheyAskFor()
    {
        var user = await new UserBuilder().WithRole(Roles.Clinician).InOrganisation("CPS via Cherasco").CreateAsync(app);
        using var session = app.NewSession();
        var afterLogin = await session.LoginAsync(user.UserName, user.Password);
        Assert.Equal("/Account/TwoFactor", afterLogin.Url.AbsolutePath);
        Assert.Equal("/Account/TwoFactor", (await session.GetAsync("/Projects")).Url.AbsolutePath);
        Assert.NotEmpty(afterLogin.TextOf("[data-testid=shared-key]"));
        Assert.NotNull(afterLogin.Find("svg"));
    }

    [Fact]
    public async Task AWrongCode_DoesNotTurnItOn()
    {
        var user = await new UserBuilder().WithRole(Roles.KeyWorker).CreateAsync(app);
        using var session = app.NewSession();
        var page = await session.LoginAsync(user.UserName, user.Password);
        var refused = await session.SubmitAsync(page, "form[action*='handler=Enable']", ("Code", "000000"));
        Assert.Contains(refused.Errors, e => e.Contains("Codice non valido", StringComparison.Ordinal));
        Assert.Equal("/Account/TwoFactor", (await session.GetAsync("/")).Url.AbsolutePath);
    }

    [Fact]
    public async Task Enrolment_GivesTenRecoveryCodes_AndOpensTheApp()
    {
        var (user, _, codes) = await EnrolledClinicianAsync();
        Assert.Equal(10, codes.Count);
        Assert.Equal(10, codes.Distinct().Count());
        using var session = app.NewSession();
        await session.LoginAsync(user.UserName, user.Password);
    }

    [Fact]
    public async Task ThenLogin_AsksForTheCode_AndAcceptsOnlyTheRightOne()
    {
        var (user, key, _) = await EnrolledClinicianAsync();
        using var session = app.NewSession();
        var second = await session.LoginAsync(user.UserName, user.Password);
        Assert.Equal("/Account/SecondFactor", second.Url.AbsolutePath);
        Assert.Equal("/Account/Login", (await session.GetAsync("/Projects")).Url.AbsolutePath);

        var wrong = await session.SubmitAsync(second, "main form:not([action*='handler'])", ("Code", Totp(key, DateTimeOffset.UtcNow.AddHours(-1))));
        Assert.Contains(wrong.Errors, e => e.Contains("Codice non valido", StringComparison.Ordinal));
        var home = await session.SubmitAsync(wrong, "main form:not([action*='handler'])", ("Code", Totp(key)));
        Assert.Equal("/", home.Url.AbsolutePath);
        Assert.Equal("/Projects", (await session.GetAsync("/Projects")).Url.AbsolutePath);
    }

    [Fact]
    public async Task ARecoveryCode_WorksOnce()
    {
        var (user, _, codes) = await EnrolledClinicianAsync();
        using (var first = app.NewSession())
        {
            var second = await first.LoginAsync(user.UserName, user.Password);
            var home = await first.SubmitAsync(second, "form[action*='handler=Recovery']", ("RecoveryCode", codes[0]));
            Assert.Equal("/", home.Url.AbsolutePath);
        }

        using var again = app.NewSession();
        var page = await again.LoginAsync(user.UserName, user.Password);
        var refused = await again.SubmitAsync(page, "form[action*='handler=Recovery']", ("RecoveryCode", codes[0]));
        Assert.Equal("/Account/SecondFactor", refused.Url.AbsolutePath);
        Assert.Contains(refused.Errors, e => e.Contains("Codice non valido", StringComparison.Ordinal));
    }

    [Fact]
    public async Task APersonInCare_IsNotForcedToUseASecondFactor()
    {
        var user = await new UserBuilder().WithRole(Roles.Beneficiary).CreateAsync(app);
        using var session = app.NewSession();
        Assert.Equal("/", (await session.LoginAsync(user.UserName, user.Password)).Url.AbsolutePath);
    }

    [Fact]
    public async Task TheSessionCookie_IsHttpOnlySameSiteAndEndsAfterThirtyIdleMinutes()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);

        var user = await new UserBuilder().WithRole(Roles.Beneficiary).CreateAsync(app);
        using var session = app.NewSession();
        var login = await session.GetAsync("/Account/Login");
        var token = login.Find("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("Input.UserName", user.UserName), new("Input.Password", user.Password), new("__RequestVerificationToken", token)]);
        using var response = await session.Client.PostAsync(new Uri("/Account/Login", UriKind.Relative), content, TestContext.Current.CancellationToken);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("trama.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
    }
}

/// Brute force from one address is slowed down before lockout even starts.
[Trait("Database", "Any")]
public sealed class LoginRateLimitTests : IAsyncLifetime
{
    private readonly TramaApp app = TramaApp.Create(settings: new Dictionary<string, string> { ["Trama:Security:LoginAttemptsPerMinute"] = "3" });

    public ValueTask InitializeAsync() => app.InitializeAsync();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task TheFourthAttemptInAMinute_IsRefusedWithAClearMessage()
    {
        using var session = app.NewSession();
        for (var i = 0; i < 3; i++)
        {
            var page = await session.LoginAsync("nessuno" + i, "Wrong-Password-1");
            Assert.Equal(HttpStatusCode.OK, page.Status);
        }

        var refused = await session.LoginAsync("nessuno", "Wrong-Password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Troppi tentativi", refused.TextOf("h1"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/Account/Login")).Status);
    }
}
