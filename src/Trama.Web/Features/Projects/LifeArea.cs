using Trama.Web.Features.Programmes;

namespace Trama.Web.Features.Projects;

/// A life area (asse) of a programme: configurable per programme, mapped to a national area.
public class LifeArea
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid ProgrammeId { get; set; }

    public Programme Programme { get; set; } = null!;

    public required string Code { get; set; }

    public required string NameIt { get; set; }

    public required string NameEn { get; set; }

    public NationalArea NationalArea { get; set; }

    public int SortOrder { get; set; }

    public string Name(System.Globalization.CultureInfo ui) => ui.TwoLetterISOLanguageName == "en" ? NameEn : NameIt;
}
