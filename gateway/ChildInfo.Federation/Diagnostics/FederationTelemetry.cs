using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChildInfo.Federation.Diagnostics;

/// <summary>
/// The federation engine's <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>: spans for
/// parse, validate (GraphQL.NET's rules), plan, each subgraph fetch and merge; a count of plan cache lookups.
/// Spans carry names of operations and subgraphs, never variables or field values.
/// </summary>
public static class FederationTelemetry
{
    public const string SourceName = "ChildInfo.Federation";

    /// <summary>The tag of <see cref="PlanCacheLookups"/>: <c>hit</c> (planned before) or <c>miss</c> (planned now).</summary>
    public const string PlanCacheResultTag = "childinfo.plan_cache.result";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The engine is built before (and outside) any host's services, so its meter is the process's own.</summary>
    public static readonly Meter Meter = new(SourceName);

    public static readonly Counter<long> PlanCacheLookups = Meter.CreateCounter<long>(
        "childinfo.federation.plan_cache.lookups", "{lookup}", "Operations looked up in the plan cache: hit when already planned, miss when planned now.");

    internal static void PlanCacheLookup(bool hit) =>
        PlanCacheLookups.Add(1, new KeyValuePair<string, object?>(PlanCacheResultTag, hit ? "hit" : "miss"));
}
