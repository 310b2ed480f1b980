using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Trama.Web.Features.Api;

/// The pages' validation for a JSON body: the same data annotations, the same localised
/// messages, reported as problem details keyed by the JSON field names.
public static class ApiValidation
{
    public static void Annotate(object input, string prefix, ModelStateDictionary state, IStringLocalizer l)
    {
        foreach (var property in input.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var display = property.GetCustomAttribute<DisplayAttribute>()?.Name is { } key ? l[key].Value : property.Name;
            var value = property.GetValue(input);

            // GetCustomAttributes gives fresh instances, so localising their message is safe.
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(true))
            {
                if (attribute.IsValid(value))
                {
                    continue;
                }

                attribute.ErrorMessage = l[attribute.ErrorMessage ?? "Validation.ValueInvalidHere"].Value;
                state.AddModelError($"{prefix}.{property.Name}", attribute.FormatErrorMessage(display));
            }
        }
    }

    public static Dictionary<string, string[]> Problems(ModelStateDictionary state, string prefix) =>
        state.Where(e => e.Value!.Errors.Count > 0).ToDictionary(
            e => Camel(e.Key.StartsWith(prefix + ".", StringComparison.Ordinal) ? e.Key[(prefix.Length + 1)..] : e.Key),
            e => e.Value!.Errors.Select(x => x.ErrorMessage).ToArray());

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
