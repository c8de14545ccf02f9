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

    /// <summary>
    /// For <c>_entities</c>: the participants of <paramref name="participantIds"/> with an open engagement held by the
    /// caller or their organisation, under <c>own_caseload</c> when the caller's caseload is held here (they or their
    /// organisation hold an open engagement); null otherwise: a social worker's caseload is not this system's to decide.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> DecideAsync(IResolveFieldContext c, CallerScope scope, IReadOnlyCollection<string> participantIds)
    {
        var repository = c.Service<EngagementRepository>();
        if (scope.Kind != RecordScopeKind.OwnCaseload
            || !await repository.HoldsCaseloadAsync(scope.User, scope.Organisation, c.CancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var engagements = await repository.GetEngagementsAsync(participantIds, c.CancellationToken).ConfigureAwait(false);
        return engagements.Where(e => Holds(e, scope)).Select(e => e.ParticipantId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// For a recording: the participant must have an open engagement held by the caller or their organisation. Any
    /// other scope, an ended engagement and an unknown participant get the same <c>OUTSIDE_SCOPE</c>, which names no one.
    /// </summary>
    public static async Task RequireEngagedAsync(IResolveFieldContext c, CallerScope scope, string participantId)
    {
        if (scope.Kind != RecordScopeKind.OwnCaseload)
        {
            throw scope.OutsideScope($"The voluntary sector records on a young person's behalf only for a participant engaged with the caller or their organisation (scope {scope.Name}, rule {scope.Rule ?? "none"}).");
        }

        var engagements = await c.Service<EngagementRepository>().GetEngagementsAsync([participantId], c.CancellationToken).ConfigureAwait(false);
        if (!engagements.Any(e => Holds(e, scope)))
        {
            throw scope.OutsideScope();
        }
    }

    private static bool Holds(Engagement e, CallerScope scope) => e.EndDate is null
        && ((e.KeyworkerId is { } keyworker && keyworker == scope.User) || (scope.Organisation is { Length: > 0 } organisation && e.OrganisationId == organisation));

    /// <summary>The participant, if in scope; else an <c>OUTSIDE_SCOPE</c> error.</summary>
    public static async Task<VcsParticipant?> ParticipantAsync(IResolveFieldContext c, string participantId)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (scope.Kind != RecordScopeKind.OwnCaseload)
            {
                throw scope.CannotDecide(Agency);
            }

            var engagements = await c.Service<EngagementRepository>().GetEngagementsAsync([participantId], c.CancellationToken).ConfigureAwait(false);
            if (!engagements.Any(e => Holds(e, scope)))
            {
                throw scope.OutsideScope();
            }
        }

        return await c.Loaders().Get<string, VcsParticipant>("vcs.participant", c.Service<ParticipantRepository>().GetManyAsync)
            .Load(participantId).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
    }
}
