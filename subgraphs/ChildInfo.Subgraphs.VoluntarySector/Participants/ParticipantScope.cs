using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Dapper;
using GraphQL;
using GraphQL.DataLoader;

namespace ChildInfo.Subgraphs.VoluntarySector.Participants;

/// <summary>
/// Record scope in the voluntary sector, decided with what the shared case system holds: open engagements.
/// <c>own_caseload</c> reaches a participant with an open engagement whose keyworker is the caller or whose
/// organisation is the caller's; <c>everyone</c> (and break-glass, which the gateway signs as everyone) reaches all.
/// The shared system does not know school rolls or early years settings, so under those scopes it answers for no
/// participant, whether asked by id (<c>Query.vcsParticipant</c>) or by key (<c>_entities</c>).
/// </summary>
internal sealed class ParticipantScope() : AgencyRecordScope("voluntary-sector")
{
    public static ParticipantScope Instance { get; } = new();

    public override bool Decides(RecordScopeKind kind) => kind == RecordScopeKind.OwnCaseload;

    /// <summary>On <c>tblParticipant p</c>: an open engagement keyworked by the caller, or held by the caller's organisation.</summary>
    protected override string Condition(CallerScope scope, DynamicParameters parameters)
    {
        parameters.Add("scopeUser", scope.User);
        var organisation = "";
        if (scope.Organisation is { Length: > 0 })
        {
            parameters.Add("scopeOrganisation", scope.Organisation);
            organisation = " OR e.OrgID = @scopeOrganisation";
        }

        return $"""
            p.ParticipantID IN (SELECT e.ParticipantID FROM tblEngagement e
                                WHERE e.EndDate IS NULL AND (e.KeyworkerID = @scopeUser{organisation}))
            """;
    }

    /// <summary>The participant within the caller's scope, batched with every other participant of the request (one statement).</summary>
    public static IDataLoaderResult<VcsParticipant?> Participant(IResolveFieldContext c, string participantId) =>
        Instance.Load<VcsParticipant>(c, "vcs.participant", participantId, c.Service<ParticipantRepository>().GetManyAsync);
}
