using Microsoft.AspNetCore.Identity;
using Trama.Web.Features.Account;
using Trama.Web.Features.Organisations;
using Trama.Web.Features.Programmes;

namespace Trama.UnitTests.Localisation;

public sealed class ResourceTests
{
    private static readonly IReadOnlyDictionary<string, string> Italian = ResourceFiles.Strings("it");
    private static readonly IReadOnlyDictionary<string, string> English = ResourceFiles.Strings("en");

    [Fact]
    public void ItalianAndEnglish_HoldTheSameKeys()
    {
        Assert.Empty(Italian.Keys.Except(English.Keys));
        Assert.Empty(English.Keys.Except(Italian.Keys));
    }

    [Fact]
    public void EveryString_HasText()
    {
        Assert.Empty(Italian.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => "it " + s.Key));
        Assert.Empty(English.Where(s => string.IsNullOrWhiteSpace(s.Value)).Select(s => "en " + s.Key));
    }

    [Fact]
    public void EveryKeyWrittenInCode_IsInTheStringTable()
    {
        var used = ResourceFiles.LiteralKeysInSources();
        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !Italian.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct());
    }

    [Fact]
    public void EveryRoleAndEnumMember_HasAName()
    {
        var keys = Roles.All.Select(r => $"Role.{r}")
            .Concat(Enum.GetNames<OrganisationKind>().Select(k => $"OrganisationKind.{k}"))
            .Concat(Enum.GetNames<PartnerRole>().Select(r => $"PartnerRole.{r}"));
        var missing = keys.Where(k => !Italian.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void EveryIdentityMessageTramaOverrides_HasAName()
    {
        var overridden = typeof(LocalisedIdentityErrorDescriber).GetMethods()
            .Where(m => m.DeclaringType == typeof(LocalisedIdentityErrorDescriber) && m.ReturnType == typeof(IdentityError))
            .Select(m => $"Identity.{m.Name}");
        var missing = overridden.Where(k => !Italian.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("NotFound")]
    [InlineData("Forbidden")]
    [InlineData("BadRequest")]
    [InlineData("ServerError")]
    public void EveryErrorPage_HasTitleAndBody(string kind)
    {
        Assert.True(Italian.ContainsKey($"Error.{kind}.Title"));
        Assert.True(Italian.ContainsKey($"Error.{kind}.Body"));
    }

    [Fact]
    public void FormatPlaceholders_MatchBetweenLanguages()
    {
        static string Placeholders(string s) => string.Concat(System.Text.RegularExpressions.Regex.Matches(s, @"\{\d\}").Select(m => m.Value).Order());
        Assert.Empty(Italian.Where(s => Placeholders(s.Value) != Placeholders(English[s.Key])).Select(s => s.Key));
    }
}
