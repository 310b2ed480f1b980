using Trama.Web.Features.People;
using Trama.Web.Features.Projects;

namespace Trama.Web.Features.Demo;

public sealed record DemoLifeArea(string Code, string NameIt, string NameEn, NationalArea NationalArea);

/// One demo project: the person, the CPS, and how far along its lifecycle it has come.
public sealed record DemoProjectPlan(string PersonCode, string Centre, ProjectState Target, int StartedMonthsAgo, Intensity Intensity);

/// Fictional people and projects for the three CPS of aMIcittà: for each CPS, a project in every
/// state of the lifecycle. Names are combined from common Italian names; fiscal codes are built
/// to be well-formed (check character, birth date, sex) but belong to nobody.
public static class DemoProjects
{
    public static readonly IReadOnlyList<DemoLifeArea> LifeAreas =
    [
        new("housing", "Casa / habitat", "Housing / habitat", NationalArea.Housing),
        new("work", "Lavoro / formazione", "Work / training", NationalArea.WorkAndTraining),
        new("social", "Socialità / affettività", "Social life / affect", NationalArea.SocialLife),
        new("learning", "Apprendimento / espressività", "Learning / expression", NationalArea.SocialLife),
    ];

    private static readonly string[] Centres = ["CPS via Cherasco", "CPS via Litta Modignani", "CPS corso Plebisciti"];

    private static readonly ProjectState[] States =
    [
        ProjectState.Referred, ProjectState.WaitingList, ProjectState.NotEligible, ProjectState.Assessment,
        ProjectState.CoDesign, ProjectState.AgreementSigned, ProjectState.Active, ProjectState.Active,
        ProjectState.Suspended, ProjectState.UnderReview, ProjectState.Remodelled, ProjectState.Closed, ProjectState.FollowUp,
    ];

    private static readonly string[] GivenFemale = ["Chiara", "Paola", "Silvia", "Giulia", "Marta", "Elisa", "Roberta", "Daniela", "Sonia", "Valentina", "Barbara", "Monica", "Laura", "Cristina", "Anna", "Veronica", "Simona", "Claudia", "Elena", "Serena"];
    private static readonly string[] GivenMale = ["Andrea", "Matteo", "Davide", "Simone", "Fabio", "Riccardo", "Massimo", "Claudio", "Emanuele", "Gabriele", "Nicola", "Walter", "Sergio", "Enrico", "Pietro", "Franco", "Diego", "Ivan", "Mirko", "Tommaso"];
    private static readonly string[] Families = ["Ronchi", "Galbiati", "Meroni", "Colombini", "Fumagalli", "Cazzaniga", "Sironi", "Riva", "Tagliabue", "Bonfanti", "Crippa", "Vergani", "Mariani", "Borghi", "Pozzi", "Radaelli", "Spinelli", "Zanetti", "Arosio", "Perego"];

    /// The demo people of aMIcittà beyond DemoData.People, one per planned project.
    public static IReadOnlyList<DemoPerson> People()
    {
        var people = new List<DemoPerson>();
        var n = 9;
        for (var c = 0; c < Centres.Length; c++)
        {
            for (var s = 0; s < States.Length; s++)
            {
                var i = (c * States.Length) + s;
                var female = i % 2 == 0;
                var given = female ? GivenFemale[i % GivenFemale.Length] : GivenMale[i % GivenMale.Length];
                var family = Families[(i * 7) % Families.Length];
                var born = new DateOnly(1960 + (i * 3 % 40), 1 + (i % 12), 1 + (i * 5 % 28));
                people.Add(new DemoPerson($"AMI-{n++:0000}", given, family, FiscalCodeFor(family, given, born, female), born, DemoData.Amicitta));
            }
        }

        return people;
    }

    public static IReadOnlyList<DemoProjectPlan> Plans()
    {
        var plans = new List<DemoProjectPlan> { new("AMI-0001", Centres[0], ProjectState.Active, 10, Intensity.Medium) };
        var people = People();
        for (var c = 0; c < Centres.Length; c++)
        {
            for (var s = 0; s < States.Length; s++)
            {
                var i = (c * States.Length) + s;
                plans.Add(new DemoProjectPlan(people[i].Code, Centres[c], States[s], 4 + (i % 14), (Intensity)(i % 3)));
            }
        }

        return plans;
    }

    /// Surname and name letters, birth date, sex and Milan's cadastral code, with the check character.
    public static string FiscalCodeFor(string family, string given, DateOnly born, bool female)
    {
        static string Letters(string text, bool isName)
        {
            var upper = text.ToUpperInvariant().Where(char.IsAsciiLetterUpper).ToArray();
            var consonants = upper.Where(ch => !"AEIOU".Contains(ch, StringComparison.Ordinal)).ToList();
            var vowels = upper.Where(ch => "AEIOU".Contains(ch, StringComparison.Ordinal)).ToList();
            if (isName && consonants.Count >= 4)
            {
                consonants = [consonants[0], consonants[2], consonants[3]];
            }

            return new string(consonants.Concat(vowels).Concat("XXX").Take(3).ToArray());
        }

        var day = born.Day + (female ? 40 : 0);
        var body = $"{Letters(family, false)}{Letters(given, true)}{born.Year % 100:00}{"ABCDEHLMPRST"[born.Month - 1]}{day:00}F205";
        return body + FiscalCode.CheckCharacter(body);
    }
}
