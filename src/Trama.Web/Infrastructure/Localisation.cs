using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Trama.Web.Infrastructure;

public static class Localisation
{
    public static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    /// Alphabetical order as an Italian reader expects it: accents and capitals aside.
    public static readonly StringComparer ItalianOrder = StringComparer.Create(Italian, ignoreCase: true);
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// Texts follow the chosen language; dates, numbers and money stay Italian in both, because
    /// the people, documents and funders are Italian (see docs/adr/0003-italian-formats-in-every-language.md).
    public static readonly IReadOnlyList<CultureInfo> UiCultures = [Italian, English];

    public static IServiceCollection AddTramaLocalisation(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Italian, Italian);
            o.SupportedCultures = [Italian];
            o.SupportedUICultures = [.. UiCultures];
            o.FallBackToParentUICultures = true;
            o.ApplyCurrentCultureToResponseHeaders = true;
            // Only the cookie set by the language switch; a browser's Accept-Language never wins over
            // the Italian default, so shared front-desk computers stay predictable.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            var m = mvc.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => l["Validation.ValueInvalid", v]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => l["Validation.ValueInvalid", v]);
            m.SetValueMustBeANumberAccessor(f => l["Validation.MustBeNumber", f]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Validation.NumberHere"]);
            m.SetMissingBindRequiredValueAccessor(f => l["Validation.Required", f]);
            m.SetMissingKeyOrValueAccessor(() => l["Validation.RequiredHere"]);

            // This one is given the value sent (empty), not the field's name.
            m.SetValueMustNotBeNullAccessor(_ => l["Validation.RequiredHere"]);
            m.SetUnknownValueIsInvalidAccessor(f => l["Validation.ValueInvalid", f]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Validation.ValueInvalidHere"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Validation.RequiredHere"]);
        });
        return services;
    }

    public static CookieOptions CultureCookieOptions(bool secure) => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        IsEssential = true,
        HttpOnly = true,
        SameSite = SameSiteMode.Lax,
        Secure = secure,
    };
}
