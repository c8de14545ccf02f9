using System.Collections.Frozen;
using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// One bound aggregate request as the analytics schema's resolvers see it (GraphQL.NET's user context): the caller's
/// context and policy scope, the revision it runs on, and, once a question has been answered, what it released, for
/// the audit record the endpoint writes.
/// </summary>
public sealed class AnalyticsRequest(AnalyticsServices services, GatewayRevision revision, GatewayRequestContext context, PolicyScope scope)
    : Dictionary<string, object?>(StringComparer.Ordinal)
{
    public AnalyticsServices Services => services;

    public GatewayRevision Revision => revision;

    public GatewayRequestContext Context => context;

    public PolicyScope Scope => scope;

    private int _questions;

    /// <summary>What the request's question released, once it has been answered; null until then.</summary>
    public AggregateRelease? Release { get; private set; }

    /// <summary>
    /// True for the request's first question only: one question per request, so that its audit record says exactly
    /// what was released, and an operation cannot ask a batch of differencing questions at once.
    /// </summary>
    public bool TryBeginQuestion() => Interlocked.Increment(ref _questions) == 1;

    /// <summary>Notes what the question released.</summary>
    public void Released(AggregateRelease release) => Release = release;

    /// <summary>
    /// The source the catalogue is read through: signed with every label the policy vocabulary names, so the analyst
    /// learns every fact an agency offers and whether their rule may count by it. Safe because a fact's name and
    /// description are about no child, and each call's context is bound to that call's body: this one reads the
    /// catalogue and nothing else. What may be counted is decided again before any record key is fetched.
    /// </summary>
    public SubgraphCohortSource CatalogueSource()
    {
        lock (_gate)
        {
            return _catalogueSource ??= Source(revision.Policies?.Set.Labels.Keys ?? scope.CountableLabels.AsEnumerable());
        }
    }

    private readonly Lock _gate = new();
    private SubgraphCohortSource? _catalogueSource;

    /// <summary>
    /// A source for this request signed with <paramref name="labels"/> as <c>count:</c> labels only: the catalogue
    /// gets every label the rule may count by, a question only the labels it reads.
    /// </summary>
    public SubgraphCohortSource Source(IEnumerable<string> labels) =>
        new(services, revision.Supergraph, context with
        {
            SubgraphLabels = labels.Select(l => PolicyScope.CountingLabelPrefix + l).ToFrozenSet(StringComparer.Ordinal),
        }, scope);
}
