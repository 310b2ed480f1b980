using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Programmes;

/// A programme's own name for a lifecycle state (one programme says "presa in carico" where
/// another says "attivo"). States without one use the standard name.
public class PhaseName
{
    public Guid ProgrammeId { get; set; }

    public ProjectState State { get; set; }

    public required string NameIt { get; set; }

    public required string NameEn { get; set; }

    public string Name(System.Globalization.CultureInfo ui) => ui.TwoLetterISOLanguageName == "en" ? NameEn : NameIt;
}
