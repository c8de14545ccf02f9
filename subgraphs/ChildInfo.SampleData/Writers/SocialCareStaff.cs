using ChildInfo.SampleData.Reference;

namespace ChildInfo.SampleData.Writers;

/// <summary>Social care teams by service and their practitioners, looked up once per run.</summary>
internal sealed class SocialCareStaff
{
    public const string Assessment = "ASSESSMENT";
    public const string Safeguarding = "SAFEGUARDING";
    public const string ChildrenInCare = "CHILDREN_IN_CARE";
    public const string EarlyHelp = "EARLY_HELP";

    private readonly Dictionary<string, (Team Team, Worker[] Workers)[]> _byService = new(StringComparer.Ordinal);
    private readonly (Team Team, Worker[] Workers)[] _any;
    private readonly Dictionary<string, Team> _teams;

    public SocialCareStaff(ReferenceData reference)
    {
        var teams = reference.Teams
            .Select(t => (Team: t, Workers: Practitioners(reference, t.TeamId)))
            .Where(t => t.Workers.Length > 0)
            .ToArray();
        _any = teams.Length > 0 ? teams : [(new Team("T00", "Children's Services Duty Team", Assessment), [new Worker("W0000", "Duty Social Worker", "T00", "SOCIAL_WORKER")])];
        _teams = _any.ToDictionary(t => t.Team.TeamId, t => t.Team, StringComparer.Ordinal);
        foreach (var group in teams.GroupBy(t => t.Team.Service, StringComparer.Ordinal))
        {
            _byService[group.Key] = group.ToArray();
        }
    }

    /// <summary>A team running <paramref name="service"/> (any team if none does) and one of its practitioners.</summary>
    public (Team Team, Worker Worker) Pick(Random rng, string service)
    {
        var teams = _byService.TryGetValue(service, out var found) ? found : _any;
        var (team, workers) = teams[rng.Next(teams.Length)];
        return (team, workers[rng.Next(workers.Length)]);
    }

    /// <summary>Practitioners first; a team with only a manager still gets allocations.</summary>
    private static Worker[] Practitioners(ReferenceData reference, string teamId)
    {
        var all = reference.WorkersIn(teamId);
        var practitioners = all.Where(w => w.Role != "TEAM_MANAGER").ToArray();
        return practitioners.Length > 0 ? practitioners : all.ToArray();
    }

    /// <summary>How a record names the practitioner who wrote it: "Social Worker, Sam Okafor".</summary>
    public string Signature(Worker worker) =>
        (_teams.TryGetValue(worker.TeamId, out var team) ? JobTitle(team, worker) : "Social Worker") + ", " + worker.Name;

    public static string JobTitle(Team team, Worker worker) => worker.Role switch
    {
        "TEAM_MANAGER" => "Team Manager",
        _ => team.Service switch
        {
            EarlyHelp => "Early Help Practitioner",
            "YOUTH_SERVICE" => "Youth Worker",
            _ => "Social Worker",
        },
    };
}
