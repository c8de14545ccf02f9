namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The child index's federation-only <c>_cohortLinks</c> field as the gateway asks it: one agency's local ids in, two
/// columns out (<c>localIds</c>, <c>childIds</c>: the i-th record is linked to the i-th child). Aggregate questions
/// (<see cref="Analytics.SubgraphCohortSource"/>) and the audit (<see cref="ChildRecordLinks"/>) both call it, each with its
/// own context, batching and failures; this is the part that must not drift between them. It lives with the audit,
/// which analytics already depends on (its aggregate records), so neither room depends on the other both ways.
/// </summary>
internal static class CohortLinksQuery
{
    public const string Field = "_cohortLinks";

    /// <summary>The query; the agency and the ids go in as variables (<see cref="Variables"/>), never into its text.</summary>
    public const string Text = $"query($source: String!, $ids: [ID!]!) {{ {Field}(source: $source, localIds: $ids) {{ localIds childIds }} }}";

    /// <summary>The variables of <see cref="Text"/> for one agency's ids.</summary>
    public static object Variables(string source, IReadOnlyCollection<string> ids) => new { source, ids };
}
