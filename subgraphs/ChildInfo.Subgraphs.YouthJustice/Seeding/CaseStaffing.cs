using ChildInfo.Subgraphs.YouthJustice.Cases;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>The sample service's teams and case workers: pre-court work in one team, court orders in two area teams, custody in another.</summary>
internal static class CaseStaffing
{
    private static readonly CaseWorker[] PreCourt = [Worker("Aisha Rahman", "Prevention and Diversion"), Worker("Tom Fletcher", "Prevention and Diversion")];
    private static readonly CaseWorker[] Court =
    [
        Worker("Joanne Price", "Court and Community North"), Worker("Kwame Mensah", "Court and Community North"),
        Worker("Rebecca Lloyd", "Court and Community South"), Worker("Daniel Okafor", "Court and Community South"),
    ];
    private static readonly CaseWorker[] Custody = [Worker("Sian Edwards", "Resettlement"), Worker("Marcus Webb", "Resettlement")];

    public static CaseWorker For(string tier, StableDraws draws)
    {
        var workers = tier switch
        {
            OutcomeTypes.PreCourt => PreCourt,
            OutcomeTypes.Custody => Custody,
            _ => Court,
        };
        return workers[draws.Next(0, workers.Length)];
    }

    /// <summary>A worker with user id <c>yjs-aisha-rahman</c> in team <c>yjs-prevention-and-diversion</c>.</summary>
    private static CaseWorker Worker(string name, string team) => new(name, team, "yjs-" + Slug(name), "yjs-" + Slug(team));

    private static string Slug(string text) => text.ToLowerInvariant().Replace(' ', '-');
}
