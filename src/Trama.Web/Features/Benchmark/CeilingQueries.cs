using System.Data.Common;
using System.Globalization;

namespace Trama.Web.Features.Benchmark;

public enum CeilingScenario
{
    Home,
    ProjectList,
    ProjectPage,
    BudgetSummary,
    DiarySave,
    DirectoryNear,
    ReferralInbox,
    ProgrammeIndicators,
}

/// <paramref name="OrganisationId"/> is the viewer's organisation, which the referral page reads
/// in a statement of its own before its lists and the ceiling takes as known.
public sealed record CeilingArguments(string UserId, Guid ProjectId, Guid ProgrammeId, string Text, double Latitude, double Longitude, double RadiusKm, Guid OrganisationId);

/// The main query of each benchmark scenario, written by hand in SQL both engines read: what the
/// fastest possible page would ask the database. The benchmark runs them through the minimal
/// endpoint (the framework ceiling) and straight against the database (the database ceiling).
public static class CeilingQueries
{
    private const string Today = "@today";

    public static DbCommand Command(DbConnection connection, bool sqlite, CeilingScenario scenario, CeilingArguments a)
    {
        var command = connection.CreateCommand();
        void P(string name, object value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = sqlite ? value switch
            {
                Guid g => g.ToString().ToUpperInvariant(),
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                _ => value,
            } : value;
            command.Parameters.Add(p);
        }

        var today = Infrastructure.ItalianTime.DateOf(DateTime.UtcNow);
        const string MyCentres = """SELECT om."OrganisationId" FROM "OrganisationMemberships" om WHERE om."UserId" = @user AND om."StartsOn" <= @today AND (om."EndsOn" IS NULL OR om."EndsOn" >= @today)""";
        switch (scenario)
        {
            case CeilingScenario.Home:
                command.CommandText = $"""
                    SELECT p."Id", pe."GivenName", pe."FamilyName", p."State", p."NextReviewDue"
                    FROM "CareTeamMembers" m JOIN "Projects" p ON p."Id" = m."ProjectId" JOIN "People" pe ON pe."Id" = p."PersonId"
                    WHERE m."UserId" = @user AND m."StartsOn" <= {Today} AND (m."EndsOn" IS NULL OR m."EndsOn" >= {Today})
                    ORDER BY pe."FamilyName", pe."GivenName" LIMIT 200
                    """;
                P("@user", a.UserId);
                P(Today, today);
                break;
            case CeilingScenario.ProjectList:
                command.CommandText = $"""
                    SELECT p."Id", pe."GivenName", pe."FamilyName", pe."PseudonymousCode", p."State", p."ReferredOn"
                    FROM "Projects" p JOIN "People" pe ON pe."Id" = p."PersonId"
                    WHERE p."State" = 'Active' AND pe."NormalisedName" LIKE @text
                      AND p."Id" IN (SELECT m."ProjectId" FROM "CareTeamMembers" m WHERE m."UserId" = @user
                        UNION SELECT p1."Id" FROM "Projects" p1 WHERE p1."MentalHealthCentreId" IN ({MyCentres}))
                    ORDER BY pe."FamilyName", pe."GivenName" LIMIT 50
                    """;
                P("@user", a.UserId);
                P(Today, today);
                P("@text", "%" + People.Person.Normalise(a.Text, string.Empty) + "%");
                break;
            case CeilingScenario.ProjectPage:
                command.CommandText = """
                    SELECT pe."GivenName", pe."FamilyName", p."State", p."ReferredOn", d."OccurredOn", d."Type", d."DurationMinutes", d."Notes"
                    FROM "Projects" p JOIN "People" pe ON pe."Id" = p."PersonId" LEFT JOIN "DiaryEntries" d ON d."ProjectId" = p."Id"
                    WHERE p."Id" = @project
                    ORDER BY d."OccurredOn" DESC LIMIT 20
                    """;
                P("@project", a.ProjectId);
                break;
            case CeilingScenario.BudgetSummary:
                command.CommandText = """
                    SELECT b."LifeAreaId", b."Source", SUM(b."PlannedCents"), SUM(b."CommittedCents"),
                      (SELECT COALESCE(SUM(l."AmountCents"), 0) FROM "LedgerEntries" l WHERE l."ProjectId" = @project AND l."LifeAreaId" = b."LifeAreaId" AND l."Source" = b."Source")
                    FROM "BudgetLines" b WHERE b."ProjectId" = @project
                    GROUP BY b."LifeAreaId", b."Source"
                    """;
                P("@project", a.ProjectId);
                break;
            case CeilingScenario.DiarySave:
                command.CommandText = """
                    INSERT INTO "DiaryEntries" ("Id", "ProjectId", "Type", "OccurredOn", "DurationMinutes", "Notes", "Sensitivity", "IsObscured", "AuthorUserId", "CreatedAtUtc")
                    VALUES (@id, @project, 'Accompaniment', @today, 45, 'Accompagnamento al colloquio di lavoro.', 'Ordinary', FALSE, @user, @now)
                    """;
                P("@id", Guid.CreateVersion7());
                P("@project", a.ProjectId);
                P(Today, today);
                P("@user", a.UserId);
                P("@now", DateTime.UtcNow);
                break;
            case CeilingScenario.DirectoryNear:
                var box = ServiceDirectory.Geo.Box(a.Latitude, a.Longitude, a.RadiusKm);
                command.CommandText = """
                    SELECT s."Id", s."Name", o."Name", l."Street", l."City", l."Latitude", l."Longitude"
                    FROM "ServicesAtLocations" sl JOIN "DirectoryServices" s ON s."Id" = sl."ServiceId"
                      JOIN "DirectoryLocations" l ON l."Id" = sl."LocationId" JOIN "Organisations" o ON o."Id" = s."OrganisationId"
                    WHERE s."Status" IN ('Active', 'TemporarilyClosed')
                      AND l."Latitude" BETWEEN @minLat AND @maxLat AND l."Longitude" BETWEEN @minLon AND @maxLon
                    ORDER BY s."Name" LIMIT 200
                    """;
                P("@minLat", box.MinLatitude);
                P("@maxLat", box.MaxLatitude);
                P("@minLon", box.MinLongitude);
                P("@maxLon", box.MaxLongitude);
                break;
            case CeilingScenario.ReferralInbox:
                // The page's two lists as it shows them: the fifty newest received by the viewer's
                // services and the fifty newest they sent elsewhere, each read in index order. The
                // organisation is given, as the page gives the ids it has just read: behind an
                // IN over the memberships SQLite sorted every referral the centre ever sent.
                const string Row = """r."Id", r."GivenName", r."FamilyName", s."Name" AS "Service", o."Name" AS "From", r."State", r."CreatedAtUtc" FROM "Referrals" r JOIN "DirectoryServices" s ON s."Id" = r."ServiceId" JOIN "Organisations" o ON o."Id" = r."FromOrganisationId" """;
                const string MyServices = """SELECT s2."Id" FROM "DirectoryServices" s2 WHERE s2."OrganisationId" = @organisation""";
                command.CommandText = $"""
                    SELECT * FROM (SELECT {Row} WHERE r."ServiceId" IN ({MyServices}) ORDER BY r."CreatedAtUtc" DESC LIMIT 50) received
                    UNION ALL
                    SELECT * FROM (SELECT {Row} WHERE r."FromOrganisationId" = @organisation AND r."ServiceId" NOT IN ({MyServices}) ORDER BY r."CreatedAtUtc" DESC LIMIT 50) sent
                    """;
                P("@organisation", a.OrganisationId);
                break;
            case CeilingScenario.ProgrammeIndicators:
                command.CommandText = """
                    SELECT b."LifeAreaId", b."Source", SUM(b."PlannedCents"), SUM(b."CommittedCents")
                    FROM "BudgetLines" b JOIN "Projects" p ON p."Id" = b."ProjectId"
                    WHERE p."ProgrammeId" = @programme
                    GROUP BY b."LifeAreaId", b."Source"
                    """;
                P("@programme", a.ProgrammeId);
                break;
        }

        return command;
    }
}
