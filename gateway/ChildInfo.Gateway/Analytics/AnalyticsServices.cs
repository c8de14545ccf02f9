using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.RateLimiting;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// What every aggregate question shares: the settings, the plain HTTP client to the subgraphs (a question's calls are
/// few and large, so they take their own deadline rather than the per-call timeouts and breakers sized for
/// practitioners' small fetches), the context signer, the subgraph URLs the host overrides, and the question budget
/// (shared through Redis when the host has it, else counted in this process; null without a budget).
/// </summary>
public sealed class AnalyticsServices(AnalyticsOptions options, HttpClient client, SubgraphContextSigner? signer, IReadOnlyDictionary<string, string> urlOverrides, IUserRateLimiter? questionBudget = null)
{
    public AnalyticsOptions Options => options;

    public HttpClient Client => client;

    public SubgraphContextSigner? Signer => signer;

    public IUserRateLimiter? QuestionBudget => questionBudget;

    /// <summary>The subgraph's URL: the host's override by name, else the supergraph's.</summary>
    public Uri UrlOf(SubgraphInfo subgraph)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        return new Uri(urlOverrides.TryGetValue(subgraph.Name, out var url) ? url : subgraph.Url);
    }
}
