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
            {
                throw scope.CannotDecide(Agency);
            }

            var inScope = await InScopeAsync(c, scope, [personId]).ConfigureAwait(false);
            if (!inScope.Contains(personId))
            {
                throw scope.OutsideScope();
            }
        }

        return await c.Loaders().Get<string, SocialCareChild>("sc.person", c.Service<PersonRepository>().GetManyAsync)
            .Load(personId).GetResultAsync(c.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// For a recording: the child must be allocated to the caller or the team they act for now. Any other scope, an
    /// ended allocation or an unknown child get the same <c>OUTSIDE_SCOPE</c>, which names no child.
    /// </summary>
    public static async Task RequireAllocatedAsync(IResolveFieldContext c, CallerScope scope, string personId)
    {
        if (scope.Kind != RecordScopeKind.OwnCaseload)
        {
            throw scope.OutsideScope($"Social care records on a child's behalf only for a child allocated to the caller or their team (scope {scope.Name}, rule {scope.Rule ?? "none"}).");
        }

        if (personId.Length > MaxPersonId || !(await InScopeAsync(c, scope, [personId]).ConfigureAwait(false)).Contains(personId))
        {
            throw scope.OutsideScope();
        }
    }

    /// <summary>The longest LA child ID the tables hold.</summary>
    private const int MaxPersonId = 48;

    /// <summary>
    /// The children of a list that are in scope. Nothing says how many were left out: another worker's or team's
    /// caseload size is not the caller's to learn.
    /// </summary>
    public static async Task<IReadOnlyList<SocialCareChild>> FilterAsync(IResolveFieldContext c, IReadOnlyList<SocialCareChild> children)
    {
        var scope = CallerScope.From(c);
        if (scope.IsEveryone)
        {
            return children;
        }

        if (scope.Kind != RecordScopeKind.OwnCaseload)
        {
            CallerScope.Report(c, scope.CannotDecide(Agency));
            return [];
        }

        var inScope = await InScopeAsync(c, scope, [.. children.Select(p => p.PersonId)]).ConfigureAwait(false);
        return [.. children.Where(p => inScope.Contains(p.PersonId))];
    }

    /// <summary>
    /// For <c>_entities</c>: the children of <paramref name="personIds"/> allocated to the caller or their team, under
    /// <c>own_caseload</c> when the caller's caseload is held here (they or their team hold an open allocation in
    /// social care); null otherwise: a health visitor's or a school's caseload is not social care's to decide.
    /// </summary>
    public static async Task<IReadOnlySet<string>?> DecideAsync(IResolveFieldContext c, CallerScope scope, IReadOnlyCollection<string> personIds)
    {
        if (scope.Kind != RecordScopeKind.OwnCaseload
            || !await c.Service<AllocationRepository>().HoldsCaseloadAsync(scope.User, scope.Team, c.CancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return await InScopeAsync(c, scope, personIds).ConfigureAwait(false);
    }

    private static async Task<HashSet<string>> InScopeAsync(IResolveFieldContext c, CallerScope scope, IReadOnlyCollection<string> personIds)
    {
        if (personIds.Count == 0)
        {
            return [];
        }

        var allocations = await c.Service<AllocationRepository>().GetAllocationsAsync(personIds, c.CancellationToken).ConfigureAwait(false);
        return allocations
            .Where(a => a.EndDate is null && (a.WorkerId == scope.User || (scope.Team is { Length: > 0 } team && a.TeamId == team)))
            .Select(a => a.PersonId)
            .ToHashSet(StringComparer.Ordinal);
    }
}
