namespace Trama.Web.Features.Programmes;

/// A place where programmes run (e.g. Milano – Municipio 9). Phase names, life areas, tariffs and
/// review intervals will hang off territory and programme, never off constants.
public class Territory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Code { get; set; }

    public required string Name { get; set; }

    public required string Region { get; set; }

    public required string Municipality { get; set; }

    public int? Residents { get; set; }

    public List<Programme> Programmes { get; } = [];
}
