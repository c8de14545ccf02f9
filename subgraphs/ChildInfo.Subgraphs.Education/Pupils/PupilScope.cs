using ChildInfo.Subgraphs.Education.Enrolments;
using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;

namespace ChildInfo.Subgraphs.Education.Pupils;

/// <summary>
/// Record scope for the education root lookups, decided with what education holds: the roll. <c>own_school_roll</c>
/// reaches pupils enrolled now at the caller's school; <c>everyone</c> reaches all; any other scope cannot be decided
/// here, so the lookup is refused and the child is to be found through the child index.
/// </summary>
internal static class PupilScope
{
    public const string Agency = "education";

    /// <summary>The pupil, if in scope; else an <c>OUTSIDE_SCOPE</c> error.</summary>
    public static async Task<PupilRecord?> PupilAsync(IResolveFieldContext c, string upn)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (scope.Kind != RecordScopeKind.OwnSchoolRoll)
            {
                throw scope.CannotDecide(Agency);
            }

            var enrolments = await PupilLoaders.Enrolments(c, upn).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
            if (scope.SchoolUrn is not { } urn || !enrolments.Any(e => e.Urn == urn && e.LeavingDate is null))
            {
                throw scope.OutsideScope();
            }
        }

        return await PupilLoaders.Pupil(c, upn).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For a recording: the pupil must be on the roll of the caller's school now. Any other scope, a pupil who has left
    /// and an unknown pupil get the same <c>OUTSIDE_SCOPE</c>, which names no pupil.
    /// </summary>
    public static async Task RequireOnRollAsync(IResolveFieldContext c, CallerScope scope, string upn)
    {
        if (scope.Kind != RecordScopeKind.OwnSchoolRoll)
        {
            throw scope.OutsideScope($"A school records on a pupil's behalf only for a pupil on the roll of the caller's school (scope {scope.Name}, rule {scope.Rule ?? "none"}).");
        }

        var enrolments = await c.Service<EnrolmentRepository>().GetForPupilsAsync([upn], c.CancellationToken).ConfigureAwait(false);
        if (scope.SchoolUrn is not { } urn || !enrolments.Any(e => e.Urn == urn && e.LeavingDate is null))
        {
            throw scope.OutsideScope();
        }
    }

    /// <summary>
    /// For <c>_entities</c>: the pupils of <paramref name="upns"/> on the roll of the caller's school now, under
    /// <c>own_school_roll</c>; null under any other scope, which the roll cannot decide.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> DecideAsync(IResolveFieldContext c, CallerScope scope, IReadOnlyCollection<string> upns)
    {
        if (scope.Kind != RecordScopeKind.OwnSchoolRoll)
        {
            return null;
        }

        var enrolments = await c.Service<EnrolmentRepository>().GetForPupilsAsync(upns, c.CancellationToken).ConfigureAwait(false);
        return enrolments.Where(e => scope.SchoolUrn is { } urn && e.Urn == urn && e.LeavingDate is null).Select(e => e.Upn).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>A school's roll, if the school is the caller's (or the scope is everyone); else empty with an error.</summary>
    public static async Task<IReadOnlyList<PupilRecord>> RollAsync(IResolveFieldContext c, int urn)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (scope.Kind != RecordScopeKind.OwnSchoolRoll)
            {
                CallerScope.Report(c, scope.CannotDecide(Agency));
                return [];
            }

            if (scope.SchoolUrn != urn)
            {
                CallerScope.Report(c, scope.OutsideScope("The school's roll is outside the caller's scope: own_school_roll reaches only the caller's own school."));
                return [];
            }
        }

        return await c.Service<PupilRepository>().GetRollAsync(urn, c.CancellationToken).ConfigureAwait(false);
    }
}
