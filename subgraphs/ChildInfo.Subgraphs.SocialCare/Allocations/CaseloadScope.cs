using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.SocialCare.People;
using Dapper;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.SocialCare.Allocations;

/// <summary>
/// Record scope in social care, decided with what social care holds: its own allocations. <c>own_caseload</c> reaches
/// a child with an open involvement allocated to the caller or to the team they act for; <c>everyone</c> (and
/// break-glass, which the gateway signs as everyone) reaches all. Social care does not know school rolls or early
/// years settings, so under those scopes it answers for no child, whether asked by id (<c>Query.socialCareChild</c>),
/// by key (<c>_entities</c>) or for a caseload: a child it cannot place in or out of the caller's scope is never served.
/// </summary>
internal sealed class CaseloadScope() : AgencyRecordScope("social-care")
{
    public static CaseloadScope Instance { get; } = new();

    public override bool Decides(RecordScopeKind kind) => kind == RecordScopeKind.OwnCaseload;

    /// <summary>On <c>ssd_person p</c>: an open involvement of the caller, or of the team they act for.</summary>
    protected override string Condition(CallerScope scope, DynamicParameters parameters)
    {
        parameters.Add("scopeUser", scope.User);
        var team = "";
        if (scope.Team is { Length: > 0 })
        {
            parameters.Add("scopeTeam", scope.Team);
            team = " OR i.invo_professional_team = @scopeTeam";
        }

        return $"""
            p.pers_person_id IN (SELECT i.invo_person_id FROM ssd_involvements i
                                 WHERE i.invo_involvement_end_date IS NULL AND (i.invo_professional_id = @scopeUser{team}))
            """;
    }

    /// <summary>The child within the caller's scope, batched with every other child of the request (one statement).</summary>
    public static IDataLoaderResult<SocialCareChild?> Child(IResolveFieldContext c, string personId) =>
        Instance.Load<SocialCareChild>(c, "sc.person", personId, c.Service<PersonRepository>().GetManyAsync);

    /// <summary>
    /// A worker's caseload: under <c>own_caseload</c> only the caller's own (every child on it is in scope), under
    /// everyone's any worker's. Another worker's is refused outright, empty with an error that says nothing about it:
    /// a filtered list or a count would tell the caller how big that caseload is, or which of their own children
    /// another worker also holds.
    /// </summary>
    public static async Task<IReadOnlyList<SocialCareChild>> WorkerCaseloadAsync(IResolveFieldContext c, string workerId)
    {
        if (!MayList(c, workerId, scope => scope.User, "A worker's caseload is outside the caller's scope unless it is the caller's own (own_caseload)."))
            return [];
        return await c.Service<PersonRepository>().GetCaseloadAsync(workerId, c.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A team's caseload: under <c>own_caseload</c> only that of the team the caller acts for (a team manager's, whose
    /// context names the team), under everyone's any team's; refused otherwise, for the same reasons as a worker's.
    /// </summary>
    public static async Task<IReadOnlyList<SocialCareChild>> TeamCaseloadAsync(IResolveFieldContext c, string teamId)
    {
        if (!MayList(c, teamId, scope => scope.Team, "A team's caseload is outside the caller's scope unless the caller acts for the team (own_caseload)."))
            return [];
        return await c.Service<PersonRepository>().GetTeamCaseloadAsync(teamId, c.CancellationToken).ConfigureAwait(false);
    }

    private static bool MayList(IResolveFieldContext c, string holder, Func<CallerScope, string?> own, string refusal)
    {
        var scope = CallerScope.From(c);
        if (scope.IsEveryone)
            return true;
        if (!Instance.Decides(scope.Kind))
        {
            CallerScope.Report(c, scope.CannotDecide(Instance.Agency));
            return false;
        }

        if (own(scope) is { Length: > 0 } mine && string.Equals(mine, holder, StringComparison.Ordinal))
            return true;
        CallerScope.Report(c, scope.OutsideScope(refusal));
        return false;
    }
}
