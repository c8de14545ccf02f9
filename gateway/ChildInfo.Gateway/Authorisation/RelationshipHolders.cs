using System.Collections.Frozen;
using ChildInfo.Gateway.Identity;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// The relationship holders a request acts under, signed into each subgraph call's context so the subgraphs can
/// apply record scope: always the user (<c>sub</c>); the organisation, school URN and setting URN the token names;
/// and the team the token names only for roles that act for their team's caseload (team managers). A practitioner
/// in a team reaches the children allocated to them, not the whole team's.
/// </summary>
public static class RelationshipHolders
{
    /// <summary>Roles whose token's team puts the team's allocated children in their <c>own_caseload</c>.</summary>
    public static FrozenSet<string> TeamCaseloadRoles { get; } = FrozenSet.ToFrozenSet(["team_manager"], StringComparer.Ordinal);

    /// <summary><paramref name="context"/> with the holders (<see cref="SubgraphContextClaims"/>) of a caller acting in <paramref name="role"/>.</summary>
    public static SubgraphContext Apply(SubgraphContext context, CallerIdentity caller, string role)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(caller);
        return context with
        {
            Organisation = caller.Organisation is { Length: > 0 } organisation ? organisation : null,
            Team = caller.Team is { Length: > 0 } team && TeamCaseloadRoles.Contains(role) ? team : null,
            School = caller.School is { Length: > 0 } school ? school : null,
            Setting = caller.Setting is { Length: > 0 } setting ? setting : null,
        };
    }
}
