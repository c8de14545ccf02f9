using ChildInfo.Federation.Planning;

namespace ChildInfo.Federation;

/// <summary>
/// Settings of a <see cref="FederationEngine"/>. The <c>Max…</c> limits on a query's size and shape are checked right
/// after parsing, in one linear pass, before validation and planning (whose cost grows faster than the text); a query
/// over any of them is refused with <c>OPERATION_TOO_COMPLEX</c> or <c>QUERY_TOO_DEEP</c>. Fragment spreads are counted
/// as the fragment's content wherever they are spread, and <c>@include</c>/<c>@skip</c> are ignored, so the limits
/// hold for every set of variable values.
/// </summary>
public sealed record FederationEngineOptions
{
    /// <summary>Longest query text accepted, in characters.</summary>
    public int MaxQueryLength { get; init; } = 100_000;

    /// <summary>Deepest field nesting accepted, through fragments.</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>
    /// Deepest syntactic nesting accepted: by the parser (guards the stack), and of fragments spread within fragments,
    /// which the parser cannot see.
    /// </summary>
    public int MaxParserDepth { get; init; } = 256;

    /// <summary>
    /// Most field selections: in the document as written, and in the operation (or any fragment) with each fragment
    /// spread counted as its fragment's fields.
    /// </summary>
    public int MaxFieldSelections { get; init; } = 2_000;

    /// <summary>Most aliased fields, counted as <see cref="MaxFieldSelections"/> counts fields.</summary>
    public int MaxAliases { get; init; } = 200;

    /// <summary>Most fragment spreads in the document as written (validation compares spread fragments pairwise).</summary>
    public int MaxFragmentSpreads { get; init; } = 64;

    /// <summary>Most directives in the document as written.</summary>
    public int MaxDirectives { get; init; } = 200;

    /// <summary>
    /// Most pairs of selections sharing a response name at one place once fragments are merged in (a field asked for
    /// 64 times in one place makes 2,016 pairs). Validation checks that every such pair can merge, so a repeated field
    /// costs the square of its repeats.
    /// </summary>
    public int MaxOverlappingFieldPairs { get; init; } = 2_000;

    /// <summary>Bounds on planning.</summary>
    public QueryPlannerOptions Planner { get; init; } = new();

    /// <summary>Most plans kept in the plan cache.</summary>
    public int PlanCacheSize { get; init; } = 1_000;

    /// <summary>
    /// How long one client request may wait for its subgraph calls, all of them together: a fetch still running then
    /// is cancelled and its fields come back null with a <c>SUBREQUEST_TIMEOUT</c> error at their paths, and fetches
    /// that depend on it are not sent, so one slow agency costs its own fields and never holds the practitioner longer.
    /// </summary>
    public TimeSpan RequestDeadline { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one subgraph call may take, when shorter than what is left of <see cref="RequestDeadline"/>; null: no bound of its own.</summary>
    public TimeSpan? SubgraphTimeout { get; init; }

    /// <summary>Per-subgraph timeouts that replace <see cref="SubgraphTimeout"/>.</summary>
    public IReadOnlyDictionary<string, TimeSpan> SubgraphTimeouts { get; init; } = new Dictionary<string, TimeSpan>();

    /// <summary>Whether <c>__schema</c> and <c>__type</c> are answered.</summary>
    public bool EnableIntrospection { get; init; } = true;

    internal TimeSpan? TimeoutFor(string subgraph) =>
        SubgraphTimeouts.TryGetValue(subgraph, out var timeout) ? timeout : SubgraphTimeout;
}
