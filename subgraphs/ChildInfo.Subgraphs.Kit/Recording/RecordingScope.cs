using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Recording;

/// <summary>
/// Who may record on a child's behalf, as far as the signed context alone can tell: a verified context (a write is
/// always someone's, so a subgraph run without a context key records nothing), and a scope that is a relationship
/// with particular children, never everyone (a MASH screening or break-glass reads; it does not write). Before this,
/// like any read, <see cref="ContextLabelRule"/> has checked that the context allows recording the field's labels
/// (<c>record:voice</c>, signed only for a rule that records them); whether this child is in the relationship is the
/// agency's to decide with its own records, as its reads do.
/// </summary>
public static class RecordingScope
{
    /// <summary>The verified context and its scope, or an error saying why nothing may be recorded.</summary>
    public static (SubgraphContext Context, CallerScope Scope) Require(IResolveFieldContext resolve)
    {
        ArgumentNullException.ThrowIfNull(resolve);
        if (SubgraphContextIdentity.Find(resolve.User) is not { } context || string.IsNullOrWhiteSpace(context.User) || string.IsNullOrWhiteSpace(context.Purpose))
        {
            throw RecordingErrors.NoContext();
        }

        var scope = CallerScope.From(context);
        if (scope.Kind is RecordScopeKind.Everyone or RecordScopeKind.Unknown)
        {
            throw RecordingErrors.NoRelationship(scope.Name);
        }

        return (context, scope);
    }

    /// <summary>
    /// How the record names who made it, in the agencies' own style ("Social worker, W0022"): the role and user id of
    /// the signed context.
    /// </summary>
    public static string RecordedBy(SubgraphContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var role = context.Role.Replace('_', ' ');
        return role.Length == 0 ? context.User : $"{char.ToUpperInvariant(role[0])}{role[1..]}, {context.User}";
    }
}
