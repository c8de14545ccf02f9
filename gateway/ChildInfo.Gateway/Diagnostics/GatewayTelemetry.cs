using System.Diagnostics;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>
/// The host's <see cref="ActivitySource"/>: one span per request (<c>graphql.request</c>) with child spans for the
/// phases the host runs itself (<c>read</c>, <c>authorise</c>, <c>execute</c>, <c>write</c>); the engine adds
/// <c>validate</c>, <c>plan</c>, one span per subgraph fetch and <c>merge</c> under it. Spans carry operation names,
/// purposes and status codes, never variables or field values.
/// </summary>
public static class GatewayTelemetry
{
    public const string SourceName = "ChildInfo.Gateway";

    public static readonly ActivitySource Source = new(SourceName);
}
