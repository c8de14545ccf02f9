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

    /// <summary>The case, if in scope; else an <c>OUTSIDE_SCOPE</c> error.</summary>
    public static async Task<YouthJusticeCase?> CaseAsync(IResolveFieldContext c, string caseId)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone && scope.Kind != RecordScopeKind.OwnCaseload)
            throw scope.CannotDecide(Agency);
        var found = await YouthJusticeCaseGraphType.Load(c, caseId).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
        if (scope.IsEveryone)
            return found;
        // An unknown id is outside scope too, so the lookup does not tell a caller which case ids exist.
        var allocated = found is not null && found.ClosedOn is null
            && ((found.CaseWorker.WorkerId is { } worker && worker == scope.User)
                || (scope.Team is { Length: > 0 } team && found.CaseWorker.TeamId == team));
        return allocated ? found : throw scope.OutsideScope();
    }
}
