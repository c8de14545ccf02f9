using ChildInfo.Subgraphs.YouthJustice.Cases;

namespace ChildInfo.Subgraphs.YouthJustice.Seeding;

/// <summary>The sample service's teams and case workers: pre-court work in one team, court orders in two area teams, custody in another.</summary>
internal static class CaseStaffing
{
    private static readonly CaseWorker[] PreCourt = [new("Aisha Rahman", "Prevention and Diversion"), new("Tom Fletcher", "Prevention and Diversion")];
    private static readonly CaseWorker[] Court =
    [
        new("Joanne Price", "Court and Community North"), new("Kwame Mensah", "Court and Community North"),
        new("Rebecca Lloyd", "Court and Community South"), new("Daniel Okafor", "Court and Community South"),
    ];
    private static readonly CaseWorker[] Custody = [new("Sian Edwards", "Resettlement"), new("Marcus Webb", "Resettlement")];

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
}
