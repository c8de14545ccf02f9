using ChildInfo.Subgraphs.Contract;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using GraphQL;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// Which labels the verified context of a call allows counting: those it carries with
/// <see cref="SubgraphContext.CountingLabelPrefix"/>. A call without a verified context counts nothing, even on a
/// subgraph run without a context key: aggregate answers are for the gateway, which applies disclosure control.
/// </summary>
public sealed class CohortAccess
{
    private readonly HashSet<string> _counted;

    private CohortAccess(HashSet<string> counted) => _counted = counted;

    /// <summary>The counting labels of the call being resolved.</summary>
    public static CohortAccess From(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return From(SubgraphContextIdentity.Find(context.User));
    }

    /// <summary>The counting labels of <paramref name="context"/> (none when null).</summary>
    public static CohortAccess From(SubgraphContext? context) => new(context is null
        ? new HashSet<string>(StringComparer.Ordinal)
        : context.Labels.Where(l => l.StartsWith(SubgraphContext.CountingLabelPrefix, StringComparison.Ordinal))
            .Select(l => l[SubgraphContext.CountingLabelPrefix.Length..]).ToHashSet(StringComparer.Ordinal));

    /// <summary>True when the context allows counting anything at all.</summary>
    public bool Any => _counted.Count > 0;

    /// <summary>True when the context allows counting data labelled <paramref name="label"/>.</summary>
    public bool Allows(string label) => _counted.Contains(label);

    /// <summary>Throws <c>COHORT_NOT_ALLOWED</c> unless every one of <paramref name="labels"/> may be counted.</summary>
    /// <exception cref="ExecutionError">A label may not be counted.</exception>
    public void Require(params IEnumerable<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (!Any)
        {
            throw CohortErrors.NotAllowed("anything");
        }

        foreach (var label in labels)
        {
            if (!Allows(label))
            {
                throw CohortErrors.NotAllowed($"'{label}' data");
            }
        }
    }
}
