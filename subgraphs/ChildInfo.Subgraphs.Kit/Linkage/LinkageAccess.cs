using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Linkage;

/// <summary>
/// Whether the verified context of a call may read this agency's identities for linkage: its purpose is
/// <see cref="Purpose"/> and it carries <c>identify:&lt;agency&gt;</c> (<see cref="SubgraphContext.IdentifyingLabelPrefix"/>)
/// for this agency. A call without a verified context reads nothing, even on a subgraph run without a context key:
/// identities leave an agency only for the linkage job, which the gateway signs for.
/// </summary>
public static class LinkageAccess
{
    /// <summary>The purpose the linkage job declares (the policies' purpose id).</summary>
    public const string Purpose = "record_linkage";

    /// <summary>True when <paramref name="context"/> may read <paramref name="agency"/>'s identities.</summary>
    public static bool Allows(SubgraphContext? context, string agency) =>
        context is not null && context.Purpose == Purpose && context.Labels.Contains(SubgraphContext.IdentifyingLabelPrefix + agency);

    /// <summary>Throws <c>LINKAGE_NOT_ALLOWED</c> unless the call being resolved may read <paramref name="agency"/>'s identities.</summary>
    /// <exception cref="ExecutionError">It may not.</exception>
    public static void Require(IResolveFieldContext context, string agency)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Allows(SubgraphContextIdentity.Find(context.User), agency))
        {
            throw LinkageErrors.NotAllowed();
        }
    }
}
