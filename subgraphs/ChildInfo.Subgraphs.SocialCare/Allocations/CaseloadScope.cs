using ChildInfo.Subgraphs.Kit.Batching;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using ChildInfo.Subgraphs.SocialCare.People;
using GraphQL;

namespace ChildInfo.Subgraphs.SocialCare.Allocations;

/// <summary>
/// Record scope for the social care root lookups, decided with what social care holds: its own allocations.
/// <c>own_caseload</c> reaches a child with an open involvement allocated to the caller or to the team they act for;
/// <c>everyone</c> reaches all; any other scope cannot be decided here, so the lookup is refused and the child is to
/// be found through the child index.
/// </summary>
internal static class CaseloadScope
{
    public const string Agency = "social-care";

    /// <summary>The child, if in scope; else an <c>OUTSIDE_SCOPE</c> error.</summary>
    public static async Task<SocialCareChild?> ChildAsync(IResolveFieldContext c, string personId)
    {
        var scope = CallerScope.From(c);
        if (!scope.IsEveryone)
        {
            if (scope.Kind != RecordScopeKind.OwnCaseload)
                throw scope.CannotDecide(Agency);
            var inScope = await InScopeAsync(c, scope, [personId]).ConfigureAwait(false);
            if (!inScope.Contains(personId))
                throw scope.OutsideScope();
        }

        return await c.Loaders().Get<string, SocialCareChild>("sc.person", c.Service<PersonRepository>().GetManyAsync)
            .Load(personId).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>The children of a list that are in scope; an error says how many were left out.</summary>
    public static async Task<IReadOnlyList<SocialCareChild>> FilterAsync(IResolveFieldContext c, IReadOnlyList<SocialCareChild> children)
    {
        var scope = CallerScope.From(c);
        if (scope.IsEveryone)
            return children;
        if (scope.Kind != RecordScopeKind.OwnCaseload)
        {
            CallerScope.Report(c, scope.CannotDecide(Agency));
            return [];
        }

        var inScope = await InScopeAsync(c, scope, [.. children.Select(p => p.PersonId)]).ConfigureAwait(false);
        scope.ReportLeftOut(c, children.Count(p => !inScope.Contains(p.PersonId)));
        return [.. children.Where(p => inScope.Contains(p.PersonId))];
    }

    private static async Task<HashSet<string>> InScopeAsync(IResolveFieldContext c, CallerScope scope, IReadOnlyCollection<string> personIds)
    {
        if (personIds.Count == 0)
            return [];
        var allocations = await c.Service<AllocationRepository>().GetAllocationsAsync(personIds, c.CancellationToken).ConfigureAwait(false);
        return allocations
            .Where(a => a.EndDate is null && (a.WorkerId == scope.User || (scope.Team is { Length: > 0 } team && a.TeamId == team)))
            .Select(a => a.PersonId)
            .ToHashSet(StringComparer.Ordinal);
    }
}
