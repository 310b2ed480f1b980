using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Trama.Web.Infrastructure;

/// The NUL character is never text a person typed, and PostgreSQL refuses it in any string (SQLite
/// would store it and cut the text short in places). A request carrying one in its query, form or
/// JSON is refused with 400 before it reaches a page, an endpoint or the database.
public static class NulCharacters
{
    public static IApplicationBuilder UseNulRejection(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is null && await IsRefusedAsync(context.Request, context.RequestAborted))
        {
            // The error page that shows the 400 must not read the refused form again.
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        await next(context);
    });

    private static async Task<bool> IsRefusedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.Query.Any(q => Contains(q.Key) || q.Value.Any(Contains)))
        {
            return true;
        }

        if (!request.HasFormContentType)
        {
            return false;
        }

        try
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return form.Any(f => Contains(f.Key) || f.Value.Any(Contains)) || form.Files.Any(f => Contains(f.FileName));
        }
        catch (InvalidDataException)
        {
            // The form reader refuses NUL itself, and a malformed body, with this exception.
            return true;
        }
    }

    /// For JSON bodies: a string holding NUL fails to read, which the API answers with 400.
    public sealed class JsonConverter : JsonConverter<string>
    {
        public override bool HandleNull => false;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetString();
            return value is not null && value.Contains('\0', StringComparison.Ordinal) ? throw new JsonException("NUL character in a string.") : value;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }

    private static bool Contains(string? value) => value is not null && value.Contains('\0', StringComparison.Ordinal);
}
