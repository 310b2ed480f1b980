namespace Trama.Web.Features.ServiceDirectory;

/// The categories every installation starts with, fitting both programmes; coordinators rename
/// them and add others. Added at start-up when their code is missing, so a renamed one stays renamed.
public static class StandardCategories
{
    public static async Task EnsureAsync(Data.AppDbContext db, CancellationToken cancellationToken)
    {
        var present = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.ServiceCategories.Select(c => c.Code), cancellationToken);
        var missing = All.Where(c => !present.Contains(c.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        db.ServiceCategories.AddRange(missing.Select(c => new ServiceCategory { Id = c.Id, Code = c.Code, NameIt = c.It, NameEn = c.En }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another instance starting at the same moment added them first.
            db.ChangeTracker.Clear();
        }
    }

    public static readonly IReadOnlyList<(Guid Id, string Code, string It, string En)> All =
    [
        (Id(1), "health", "Salute", "Health"),
        (Id(2), "mental-health", "Salute mentale", "Mental health"),
        (Id(3), "social-services", "Servizi sociali", "Social services"),
        (Id(4), "elderly", "Anziani", "Elderly people"),
        (Id(5), "youth", "Giovani", "Young people"),
        (Id(6), "families", "Famiglie e bambini", "Families and children"),
        (Id(7), "housing", "Casa e abitare", "Housing"),
        (Id(8), "work", "Lavoro e formazione", "Work and training"),
        (Id(9), "culture", "Cultura e tempo libero", "Culture and leisure"),
        (Id(10), "faith", "Comunità religiose", "Faith communities"),
        (Id(11), "languages", "Migranti e lingue", "Migrants and languages"),
        (Id(12), "basic-needs", "Cibo e bisogni primari", "Food and basic needs"),
    ];

    private static Guid Id(int n) => new($"0199c0de-ca7e-7000-8000-{n:000000000000}");
}
