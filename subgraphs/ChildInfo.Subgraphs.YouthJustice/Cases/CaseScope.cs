using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;

namespace ChildInfo.Subgraphs.YouthJustice.Cases;

/// <summary>
/// Record scope for the root lookup, decided with what the case management system holds: allocations.
/// <c>own_caseload</c> reaches an open case allocated to the caller or to the team they act for; <c>everyone</c>
/// reaches all; any other scope cannot be decided here, so the lookup is refused and the child is to be found
/// through the child index (whose <c>Child.youthJustice</c> the gateway follows only where the rules allow the link).
/// </summary>
internal static class CaseScope
{
    public const string Agency = "youth-justice";

    /// <summary>
    /// For <c>_entities</c>: the cases of <paramref name="caseIds"/> open and allocated to the caller or their team,
    /// under <c>own_caseload</c> when the caller's caseload is held here; null otherwise (a social worker's caseload
    /// is not this service's to decide).
    /// </summary>
    public static async Task<IReadOnlySet<string>?> DecideAsync(IResolveFieldContext c, CallerScope scope, IReadOnlyCollection<string> caseIds)
    {
        if (!await HeldHereAsync(c, scope).ConfigureAwait(false))
        {
            return null;
        }

        var cases = await c.Service<CaseRepository>().GetManyAsync(caseIds, c.CancellationToken).ConfigureAwait(false);
        return cases.Values.Where(k => Allocated(k, scope)).Select(k => k.CaseId).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Every case of the given children, as <c>Child.youthJustice</c> lists them: under <c>own_caseload</c> held here,
    /// only the caller's (or their team's) open cases; the rest are neither listed nor counted.
    /// </summary>
    public static async Task<IEnumerable<YouthJusticeCase>> OfChildrenAsync(IResolveFieldContext c, IReadOnlyCollection<string> childIds, CancellationToken cancellationToken)
    {
        var cases = await c.Service<CaseRepository>().GetByChildAsync(childIds, cancellationToken).ConfigureAwait(false);
        var scope = CallerScope.From(c);
        return await HeldHereAsync(c, scope).ConfigureAwait(false) ? cases.Where(k => Allocated(k, scope)) : cases;
    }

    private static async Task<bool> HeldHereAsync(IResolveFieldContext c, CallerScope scope) =>
        scope.Verified && scope.Kind == RecordScopeKind.OwnCaseload
        && await c.Service<CaseRepository>().HoldsCaseloadAsync(scope.User, scope.Team, c.CancellationToken).ConfigureAwait(false);

    private static bool Allocated(YouthJusticeCase found, CallerScope scope) => found.ClosedOn is null
        && ((found.CaseWorker.WorkerId is { } worker && worker == scope.User)
            || (scope.Team is { Length: > 0 } team && found.CaseWorker.TeamId == team));

    /// <summary>The case, if in scope; else an <c>OUTSIDE_SCOPE</c> error.</summary>
    public static async Task<YouthJusticeCase?> CaseAsync(IResolveFieldContext c, string caseId)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone && scope.Kind != RecordScopeKind.OwnCaseload)
        {
            throw scope.CannotDecide(Agency);
        }

        var found = await YouthJusticeCaseGraphType.Load(c, caseId).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
        if (scope.IsEveryone)
        {
            return found;
        }
        // An unknown id is outside scope too, so the lookup does not tell a caller which case ids exist.
        return found is not null && Allocated(found, scope) ? found : throw scope.OutsideScope();
    }
}
