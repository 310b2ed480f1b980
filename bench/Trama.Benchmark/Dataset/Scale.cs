namespace Trama.Benchmark.Dataset;

/// How big a dataset is. S is the demo alone; M is one ASST; L is a region; XS exercises the generator in CI.
public sealed record Scale(
    string Name,
    int Persons,
    int Projects,
    int DiaryEntries,
    int BudgetLines,
    int Reviews,
    int DirectoryOrganisations,
    int Services,
    int Referrals,
    int Centres)
{
    public static readonly Scale S = new("S", 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// A few hundred projects: enough to run every path of the generator in CI in seconds.
    public static readonly Scale XS = new("XS", 1_000, 200, 4_000, 2_500, 500, 50, 50, 1_000, 2);

    public static readonly Scale M = new("M", 20_000, 4_000, 400_000, 50_000, 10_000, 1_000, 1_000, 20_000, 4);

    public static readonly Scale L = new("L", 200_000, 40_000, 4_000_000, 500_000, 100_000, 10_000, 10_000, 200_000, 40);

    public static Scale Parse(string name) => name.ToUpperInvariant() switch
    {
        "S" => S,
        "XS" => XS,
        "M" => M,
        "L" => L,
        _ => throw new ArgumentException($"scale {name}: XS, S, M or L"),
    };

    /// Ten psychiatrists and psychologists per CPS, each a referent of a hundred-odd projects.
    public int CliniciansPerCentre { get; init; } = 10;

    /// One cooperative per 400 projects, each with ten key workers.
    public int Cooperatives => Math.Max(1, Projects / 400);

    public int KeyWorkersPerCooperative { get; init; } = 10;

    /// One municipal social service per two CPS, each with five social workers.
    public int Municipalities => Math.Max(1, Centres / 2);

    public int SocialWorkersPerMunicipality { get; init; } = 5;

    public int PeerExperts => Math.Max(1, Projects / 200);

    public bool IsDemoOnly => Projects == 0;
}
