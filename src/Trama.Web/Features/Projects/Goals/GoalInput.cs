using System.ComponentModel.DataAnnotations;

namespace Trama.Web.Features.Projects.Goals;

/// A goal as typed: the same fields when it is written and when it is changed.
public sealed class GoalInput
{
    [Display(Name = "Projects.Goals.Area")]
    public Guid LifeAreaId { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Projects.Goals.Title")]
    public string Title { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Projects.Goals.MuchLess")]
    public string MuchLess { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Projects.Goals.Less")]
    public string Less { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Projects.Goals.Expected")]
    public string Expected { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Projects.Goals.More")]
    public string More { get; set; } = string.Empty;

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(500, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Projects.Goals.MuchMore")]
    public string MuchMore { get; set; } = string.Empty;

    public string ValueOf(string level) => level switch
    {
        nameof(MuchLess) => MuchLess,
        nameof(Less) => Less,
        nameof(Expected) => Expected,
        nameof(More) => More,
        _ => MuchMore,
    };

    [Range(1, 3, ErrorMessage = "Validation.Range")]
    [Display(Name = "Projects.Goals.WeightLabel")]
    public int Weight { get; set; } = 1;

    /// The goal's version when the form was opened; empty for a new goal.
    public Guid Version { get; set; }

    public static GoalInput Of(Goal g) => new()
    {
        LifeAreaId = g.LifeAreaId,
        Title = g.Title,
        MuchLess = g.MuchLess,
        Less = g.Less,
        Expected = g.Expected,
        More = g.More,
        MuchMore = g.MuchMore,
        Weight = g.Weight,
        Version = g.Version,
    };

    public void ApplyTo(Goal g)
    {
        g.LifeAreaId = LifeAreaId;
        g.Title = Title.Trim();
        g.MuchLess = MuchLess.Trim();
        g.Less = Less.Trim();
        g.Expected = Expected.Trim();
        g.More = More.Trim();
        g.MuchMore = MuchMore.Trim();
        g.Weight = Weight;
    }
}
