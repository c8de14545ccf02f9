using System.Diagnostics;

namespace ChildInfo.Federation.Diagnostics;

/// <summary>
/// The federation engine's <see cref="ActivitySource"/>: spans for parse, validate (GraphQL.NET's rules), plan, each subgraph
/// fetch and merge.
/// Spans carry names of operations and subgraphs, never variables or field values.
/// </summary>
public static class FederationTelemetry
{
    public const string SourceName = "ChildInfo.Federation";

    public static readonly ActivitySource Source = new(SourceName);
}
