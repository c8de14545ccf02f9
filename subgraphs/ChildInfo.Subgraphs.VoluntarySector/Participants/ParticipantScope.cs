using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.VoluntarySector.Engagements;
using GraphQL;

namespace ChildInfo.Subgraphs.VoluntarySector.Participants;

/// <summary>
/// Record scope for the voluntary sector's root lookup, decided with what the shared case system holds: open
/// engagements. <c>own_caseload</c> reaches a participant with an open engagement whose keyworker is the caller or
/// whose organisation is the caller's; <c>everyone</c> reaches all; any other scope cannot be decided here, so the
/// lookup is refused and the child is to be found through the child index.
/// </summary>
internal static class ParticipantScope
{
    public const string Agency = "voluntary-sector";

    /// <summary>The participant, if in scope; else an <c>OUTSIDE_SCOPE</c> error.</summary>
    public static async Task<VcsParticipant?> ParticipantAsync(IResolveFieldContext c, string participantId)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (scope.Kind != RecordScopeKind.OwnCaseload)
                throw scope.CannotDecide(Agency);
            var engagements = await c.Service<EngagementRepository>().GetEngagementsAsync([participantId], c.CancellationToken).ConfigureAwait(false);
            if (!engagements.Any(e => e.EndDate is null
                && ((e.KeyworkerId is { } keyworker && keyworker == scope.User) || (scope.Organisation is { Length: > 0 } organisation && e.OrganisationId == organisation))))
                throw scope.OutsideScope();
        }

        return await c.Loaders().Get<string, VcsParticipant>("vcs.participant", c.Service<ParticipantRepository>().GetManyAsync)
            .Load(participantId).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
    }
}
