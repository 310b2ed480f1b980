using System.Data.Common;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Data.Sqlite;
using Npgsql;
using Trama.Web.Data;

namespace Trama.Web.Features.Benchmark;

/// The framework ceiling of the benchmark (in the spirit of TechEmpower's Fortunes): the same
/// rows as a scenario's page, read with one hand-written command and written out as bare HTML
/// tables, one a list, with no EF, no Razor, no scope or audit. Mapped only when
/// Trama:BenchmarkCeilings is on, which only the benchmark program sets, and even then only for a
/// signed-in user.
public static class CeilingEndpoints
{
    public static void MapBenchmarkCeilings(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/benchmark/ceiling/{scenario}", ["GET", "POST"], async (HttpContext http, string scenario, DatabaseOptions database, CancellationToken cancellationToken) =>
        {
            if (!Enum.TryParse<CeilingScenario>(scenario, ignoreCase: true, out var which))
            {
                return Results.NotFound();
            }

            var q = http.Request.Query;
            double Number(string name) => double.Parse(q[name].FirstOrDefault() ?? "0", CultureInfo.InvariantCulture);
            var arguments = new CeilingArguments(
                http.User.FindFirstValue(ClaimTypes.NameIdentifier)!,
                Guid.TryParse(q["project"], out var project) ? project : Guid.Empty,
                Guid.TryParse(q["programme"], out var programme) ? programme : Guid.Empty,
                q["q"].FirstOrDefault() ?? string.Empty,
                Number("lat"),
                Number("lon"),
                q.ContainsKey("radius") ? Number("radius") : 1,
                Guid.TryParse(q["organisation"], out var organisation) ? organisation : Guid.Empty);
            var sqlite = database.Provider == DatabaseProvider.Sqlite;
            await using DbConnection connection = sqlite ? new SqliteConnection(database.ConnectionString) : new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = CeilingQueries.Command(connection, sqlite, which, arguments);
            var html = new StringBuilder("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>Ceiling</title></head><body>");
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                do
                {
                    html.Append("<table>");
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        html.Append("<tr>");
                        for (var i = 0; i < reader.FieldCount; i++)
                        {
                            html.Append("<td>").Append(HtmlEncoder.Default.Encode(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty)).Append("</td>");
                        }

                        html.Append("</tr>");
                    }

                    html.Append("</table>");
                }
                while (await reader.NextResultAsync(cancellationToken));
            }

            html.Append("</body></html>");
            return Results.Content(html.ToString(), "text/html; charset=utf-8");
        }).RequireAuthorization().DisableAntiforgery();

        // The benchmark warms each page until the JIT has settled: a server runs for days, and
        // this one recompiles its hot ReadyToRun code for tens of seconds under a new load.
        app.MapGet("/benchmark/runtime", () => Results.Json(new RuntimeFigures(
            System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds,
            System.Runtime.JitInfo.GetCompiledMethodCount()))).RequireAuthorization();
    }
}

/// What the JIT has done since the process started: the time it took, on every thread, and the methods it compiled.
public sealed record RuntimeFigures(double JitMilliseconds, long JitMethods);
