using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Transport;

/// <summary>A GraphQL request to a subgraph.</summary>
/// <param name="Subgraph">The subgraph, with its URL.</param>
/// <param name="Body">The UTF-8 JSON body: <c>{"query": ..., "variables": {...}}</c>.</param>
/// <param name="Context">Whatever the caller passed with the client request (for example, what to sign).</param>
/// <param name="IsMutation">A mutation changes data: a transport must never send it twice.</param>
public sealed record SubgraphRequest(SubgraphInfo Subgraph, ReadOnlyMemory<byte> Body, object? Context, bool IsMutation = false);
