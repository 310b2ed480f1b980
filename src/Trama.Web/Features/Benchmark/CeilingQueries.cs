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

/// What each benchmark scenario's page reads, written by hand in SQL both engines read: what the
/// fastest possible page would ask the database. A page that shows several lists is one command
/// of one statement per list, read result set by result set. The benchmark runs them through the minimal
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
                TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                _ => value,
            } : value;
            command.Parameters.Add(p);
        }

        var today = Infrastructure.ItalianTime.DateOf(DateTime.UtcNow);
        const string MyCentres = """SELECT om."OrganisationId" FROM "OrganisationMemberships" om WHERE om."UserId" = @user AND om."StartsOn" <= @today AND (om."EndsOn" IS NULL OR om."EndsOn" >= @today)""";
        switch (scenario)
        {
            case CeilingScenario.Home:
                // Everything a CPS clinician's home shows, read afresh: the programme with its
                // partners and their staff counts, the caseload counted by state (each way into it
                // read through its own index and united, as the page computes it), the ten reviews
                // due first with their people, the viewer's organisations and colleagues. The page
                // keeps all but the ten reviews in memory between saves; this reads every one.
                const string Current = """m."StartsOn" <= @today AND (m."EndsOn" IS NULL OR m."EndsOn" >= @today)""";
                const string InProgramme = """SELECT p."Id", p."PersonId", p."State", p."NextReviewDue" FROM "Projects" p WHERE p."ProgrammeId" = @programme""";
                const string Caseload = $"""
                    {InProgramme} AND p."Id" IN (SELECT m."ProjectId" FROM "CareTeamMembers" m WHERE m."UserId" = @user AND {Current})
                    UNION
                    {InProgramme} AND p."PersonId" IN (SELECT x."Id" FROM "People" x WHERE x."UserId" = @user)
                    UNION
                    {InProgramme} AND p."MentalHealthCentreId" IN ({MyCentres})
                    """;
                command.CommandText = $"""
                    SELECT pr."Name", pr."Summary", t."Name", t."Residents", pr."FunderName", pr."FunderMaxSharePercent", pr."StartsOn", pr."EndsOn"
                    FROM "Programmes" pr JOIN "Territories" t ON t."Id" = pr."TerritoryId" WHERE pr."Id" = @programme;
                    SELECT pp."OrganisationId", o."Name", o."Kind", pp."Role", o."Address",
                      (SELECT COUNT(*) FROM "OrganisationMemberships" m JOIN "AspNetUsers" u ON u."Id" = m."UserId" WHERE m."OrganisationId" = o."Id" AND {Current} AND u."IsActive")
                    FROM "ProgrammePartners" pp JOIN "Organisations" o ON o."Id" = pp."OrganisationId" WHERE pp."ProgrammeId" = @programme ORDER BY o."Name";
                    SELECT c."State", COUNT(*) FROM ({Caseload}) c GROUP BY c."State" ORDER BY c."State";
                    SELECT c."Id", pe."PseudonymousCode", pe."FamilyName", pe."GivenName", c."NextReviewDue"
                    FROM ({Caseload}) c JOIN "People" pe ON pe."Id" = c."PersonId"
                    WHERE c."NextReviewDue" <= @soon AND c."State" IN ('Active', 'UnderReview', 'Remodelled', 'Suspended')
                    ORDER BY c."NextReviewDue", c."Id" LIMIT 10;
                    SELECT m."OrganisationId", o."Name", o."Kind" FROM "OrganisationMemberships" m JOIN "Organisations" o ON o."Id" = m."OrganisationId"
                    WHERE m."UserId" = @user AND {Current} ORDER BY o."Name";
                    SELECT u."DisplayName", o."Name" FROM "OrganisationMemberships" m JOIN "AspNetUsers" u ON u."Id" = m."UserId" JOIN "Organisations" o ON o."Id" = m."OrganisationId"
                    WHERE m."OrganisationId" IN ({MyCentres}) AND m."UserId" <> @user AND u."IsActive" AND {Current}
                    ORDER BY o."Name", u."DisplayName"
                    """;
                P("@user", a.UserId);
                P("@programme", a.ProgrammeId);
                P(Today, today);
                P("@soon", today.AddDays(30));
                break;
            case CeilingScenario.ProjectList:
                // Each way into the caseload filtered on its own, as the page does: a CPS's
                // projects are narrowed by centre and state in their index before people are read.
                const string Listed = """
                    SELECT p."Id", pe."GivenName", pe."FamilyName", pe."PseudonymousCode", p."State", p."ReferredOn"
                    FROM "Projects" p JOIN "People" pe ON pe."Id" = p."PersonId"
                    WHERE p."State" = 'Active' AND pe."NormalisedName" LIKE @text
                    """;
                command.CommandText = $"""
                    {Listed} AND p."Id" IN (SELECT m."ProjectId" FROM "CareTeamMembers" m WHERE m."UserId" = @user)
                    UNION
                    {Listed} AND p."MentalHealthCentreId" IN ({MyCentres})
                    ORDER BY 3, 2 LIMIT 50
                    """;
                P("@user", a.UserId);
                P(Today, today);
                P("@text", "%" + People.Person.Normalise(a.Text, string.Empty) + "%");
                break;
            case CeilingScenario.ProjectPage:
                // Everything the project page shows: the project with its person, centre and
                // programme, the team, the timeline, the goals, the reviews, two years of hours by
                // month and author, the twenty newest diary entries, who sat at the assessment and
                // the legal representative. One statement per list, sent as one command.
                var year = sqlite ? """CAST(strftime('%Y', d."OccurredOn") AS INTEGER)""" : """CAST(EXTRACT(YEAR FROM d."OccurredOn") AS INTEGER)""";
                var month = sqlite ? """CAST(strftime('%m', d."OccurredOn") AS INTEGER)""" : """CAST(EXTRACT(MONTH FROM d."OccurredOn") AS INTEGER)""";
                command.CommandText = $"""
                    SELECT p.*, pe."GivenName", pe."FamilyName", o."Name", pr."Name"
                    FROM "Projects" p JOIN "People" pe ON pe."Id" = p."PersonId" JOIN "Organisations" o ON o."Id" = p."MentalHealthCentreId" JOIN "Programmes" pr ON pr."Id" = p."ProgrammeId"
                    WHERE p."Id" = @project;
                    SELECT m."Id", COALESCE(u."DisplayName", m."Name"), m."Role", m."StartsOn", m."EndsOn", m."UserId"
                    FROM "CareTeamMembers" m LEFT JOIN "AspNetUsers" u ON u."Id" = m."UserId"
                    WHERE m."ProjectId" = @project ORDER BY m."EndsOn" IS NOT NULL, m."Role";
                    SELECT t."AtUtc", t."Action", t."To", u."DisplayName", t."Reason"
                    FROM "ProjectTransitions" t LEFT JOIN "AspNetUsers" u ON u."Id" = t."ByUserId"
                    WHERE t."ProjectId" = @project ORDER BY t."AtUtc" DESC;
                    SELECT g.*, a."NameIt" FROM "Goals" g JOIN "LifeAreas" a ON a."Id" = g."LifeAreaId"
                    WHERE g."ProjectId" = @project ORDER BY a."SortOrder", g."CreatedAtUtc";
                    SELECT r."HeldOn", r."Decision", r."TScore", r."Narrative" FROM "Reviews" r WHERE r."ProjectId" = @project ORDER BY r."HeldOn";
                    SELECT {year}, {month}, d."AuthorUserId", SUM(d."DurationMinutes")
                    FROM "DiaryEntries" d WHERE d."ProjectId" = @project GROUP BY 1, 2, 3;
                    SELECT d."Id", d."IsObscured", d."AuthorUserId", d."OccurredOn", d."Type", d."DurationMinutes", u."DisplayName", d."Notes", d."Sensitivity", a."NameIt"
                    FROM "DiaryEntries" d JOIN "AspNetUsers" u ON u."Id" = d."AuthorUserId" LEFT JOIN "LifeAreas" a ON a."Id" = d."LifeAreaId"
                    WHERE d."ProjectId" = @project ORDER BY d."OccurredOn" DESC, d."CreatedAtUtc" DESC LIMIT 20;
                    SELECT x."Name", x."Role", x."Organisation" FROM "AssessmentParticipants" x WHERE x."ProjectId" = @project ORDER BY x."SortOrder";
                    SELECT r.* FROM "LegalRepresentatives" r
                    WHERE r."PersonId" = (SELECT p2."PersonId" FROM "Projects" p2 WHERE p2."Id" = @project)
                      AND r."StartsOn" <= {Today} AND (r."EndsOn" IS NULL OR r."EndsOn" >= {Today})
                    ORDER BY r."StartsOn" DESC LIMIT 1
                    """;
                P("@project", a.ProjectId);
                P(Today, today);
                break;
            case CeilingScenario.BudgetSummary:
                // Everything the budget page shows: the project's programme rates, the programme's
                // life areas, the budget lines, the time given valued by the author's role, the
                // tariff rows, the whole ledger (the summary sums it; the newest fifty are listed)
                // and the receipts of those fifty.
                command.CommandText = $"""
                    SELECT p.*, pr."StaffHourlyRateCents", pr."PeerHourlyRateCents", pr."VolunteerHourlyRateCents", pr."TerritoryId"
                    FROM "Projects" p JOIN "Programmes" pr ON pr."Id" = p."ProgrammeId" WHERE p."Id" = @project;
                    SELECT a.* FROM "LifeAreas" a WHERE a."ProgrammeId" = (SELECT p2."ProgrammeId" FROM "Projects" p2 WHERE p2."Id" = @project) ORDER BY a."SortOrder";
                    SELECT b."LifeAreaId", b."Source", b."Nature", b."PeriodStart", b."PeriodEnd", b."PlannedCents", b."CommittedCents"
                    FROM "BudgetLines" b WHERE b."ProjectId" = @project ORDER BY b."PeriodStart", b."CreatedAtUtc";
                    SELECT d."AuthorUserId", SUM(d."DurationMinutes"), (SELECT MIN(m."Role") FROM "CareTeamMembers" m WHERE m."ProjectId" = @project AND m."UserId" = d."AuthorUserId")
                    FROM "DiaryEntries" d WHERE d."ProjectId" = @project GROUP BY d."AuthorUserId";
                    SELECT t.* FROM "TariffTable" t JOIN "Programmes" pr ON pr."TerritoryId" = t."TerritoryId" JOIN "Projects" p ON p."ProgrammeId" = pr."Id" AND p."Intensity" = t."Intensity"
                    WHERE p."Id" = @project;
                    SELECT e."Id", e."SpentOn", e."AmountCents", e."Source", a."NameIt", e."Supplier", e."Description"
                    FROM "LedgerEntries" e JOIN "LifeAreas" a ON a."Id" = e."LifeAreaId"
                    WHERE e."ProjectId" = @project ORDER BY e."SpentOn" DESC, e."CreatedAtUtc" DESC;
                    SELECT r."Id", r."LedgerEntryId", r."FileName", r."IsObscured", r."UploadedByUserId" FROM "Receipts" r
                    WHERE r."LedgerEntryId" IN (SELECT e."Id" FROM "LedgerEntries" e WHERE e."ProjectId" = @project ORDER BY e."SpentOn" DESC, e."CreatedAtUtc" DESC LIMIT 50)
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
                // Everything the directory's search page shows: its category, language and place
                // choices, how many services lie within the radius and the twenty nearest with
                // their organisation, address, categories and whether they are open now. The box
                // narrows by index, as on the page; the distance is measured on a plane, which is
                // enough for a neighbourhood. The twenty are picked before their details are read:
                // sorting every place in the box with its details cost ten times as much at L.
                var box = ServiceDirectory.Geo.Box(a.Latitude, a.Longitude, a.RadiusKm);
                const double KmPerDegree = 111.195;
                var local = Infrastructure.ItalianTime.FromUtc(DateTime.UtcNow);
                const string Near = """
                    SELECT sl."Id" AS "Place", sl."ServiceId", sl."LocationId", s."Name",
                      ((l."Latitude" - @lat) * @kmLat) * ((l."Latitude" - @lat) * @kmLat) + ((l."Longitude" - @lon) * @kmLon) * ((l."Longitude" - @lon) * @kmLon) AS "Distance"
                    FROM "ServicesAtLocations" sl JOIN "DirectoryServices" s ON s."Id" = sl."ServiceId" JOIN "DirectoryLocations" l ON l."Id" = sl."LocationId"
                    WHERE s."Status" IN ('Active', 'TemporarilyClosed')
                      AND l."Latitude" BETWEEN @minLat AND @maxLat AND l."Longitude" BETWEEN @minLon AND @maxLon
                    """;
                var codes = sqlite ? """group_concat(c."Code", ',')""" : """string_agg(c."Code", ',')""";
                command.CommandText = $"""
                    SELECT c."Id", c."Code", c."NameIt", c."NameEn" FROM "ServiceCategories" c ORDER BY c."Code";
                    SELECT DISTINCT s."Languages" FROM "DirectoryServices" s;
                    SELECT l."Id", l."Name" FROM "DirectoryLocations" l WHERE l."OrganisationId" IN (SELECT pp."OrganisationId" FROM "ProgrammePartners" pp) LIMIT 500;
                    SELECT COUNT(*) FROM ({Near}) n WHERE n."Distance" <= @r2;
                    SELECT n."ServiceId", s."Name", o."Name", s."Description", l."Name", l."Street", l."PostalCode", l."City", l."Latitude", l."Longitude", n."Distance",
                      s."Status" = 'Active'
                        AND NOT EXISTS (SELECT 1 FROM "Closure" x WHERE x."ServiceAtLocationId" = n."Place" AND x."From" <= @day AND @day <= x."To")
                        AND EXISTS (SELECT 1 FROM "OpeningHours" h WHERE h."ServiceAtLocationId" = n."Place" AND h."Day" = @weekday AND h."Opens" <= @time AND @time < h."Closes"),
                      s."AcceptsReferrals", s."IsFree", s."Languages",
                      (SELECT {codes} FROM "DirectoryServiceCategories" dc JOIN "ServiceCategories" c ON c."Id" = dc."CategoriesId" WHERE dc."ServicesId" = n."ServiceId")
                    FROM (SELECT * FROM ({Near}) n0 WHERE n0."Distance" <= @r2 ORDER BY n0."Distance", n0."Name" LIMIT 20) n
                      JOIN "DirectoryServices" s ON s."Id" = n."ServiceId" JOIN "DirectoryLocations" l ON l."Id" = n."LocationId" JOIN "Organisations" o ON o."Id" = s."OrganisationId"
                    ORDER BY n."Distance", n."Name"
                    """;
                P("@minLat", box.MinLatitude);
                P("@maxLat", box.MaxLatitude);
                P("@minLon", box.MinLongitude);
                P("@maxLon", box.MaxLongitude);
                P("@lat", a.Latitude);
                P("@lon", a.Longitude);
                P("@kmLat", KmPerDegree);
                P("@kmLon", KmPerDegree * Math.Cos(a.Latitude * Math.PI / 180));
                P("@r2", a.RadiusKm * a.RadiusKm);
                P("@day", DateOnly.FromDateTime(local));
                P("@weekday", local.DayOfWeek.ToString());
                P("@time", TimeOnly.FromDateTime(local));
                break;
            case CeilingScenario.ReferralInbox:
                // The page's two lists as it shows them: the fifty newest received by the viewer's
                // services and the fifty newest they sent elsewhere, each read in index order, and
                // each list's count for its pager. The organisation is given, as the page gives the
                // ids it has just read: behind an IN over the memberships SQLite sorted every
                // referral the centre ever sent.
                const string Row = """r."Id", r."GivenName", r."FamilyName", s."Name" AS "Service", o."Name" AS "From", r."State", r."Urgency", r."CreatedAtUtc", r."StateChangedAtUtc", r."ConsentOverride" IS NOT NULL FROM "Referrals" r JOIN "DirectoryServices" s ON s."Id" = r."ServiceId" JOIN "Organisations" o ON o."Id" = r."FromOrganisationId" """;
                const string MyServices = """SELECT s2."Id" FROM "DirectoryServices" s2 WHERE s2."OrganisationId" = @organisation""";
                const string Received = $"""r."ServiceId" IN ({MyServices})""";
                const string Sent = $"""r."FromOrganisationId" = @organisation AND r."ServiceId" NOT IN ({MyServices})""";
                command.CommandText = $"""
                    SELECT COUNT(*) FROM "Referrals" r WHERE {Received};
                    SELECT {Row} WHERE {Received} ORDER BY r."CreatedAtUtc" DESC, r."Id" LIMIT 50;
                    SELECT COUNT(*) FROM "Referrals" r WHERE {Sent};
                    SELECT {Row} WHERE {Sent} ORDER BY r."CreatedAtUtc" DESC, r."Id" LIMIT 50
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
