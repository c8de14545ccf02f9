using System.Text.Json;

namespace ChildInfo.Federation;

/// <summary>A client's GraphQL request.</summary>
/// <param name="Query">The document text.</param>
/// <param name="OperationName">Which operation of the document to run; optional when it has one.</param>
/// <param name="Variables">A JSON object of variable values, or null.</param>
/// <param name="Extensions">The request's extensions, or null.</param>
/// <param name="Context">Passed to the transport with every subgraph request (for example a signed context).</param>
public sealed record GatewayRequest(
    string? Query,
    string? OperationName = null,
    JsonElement? Variables = null,
    JsonElement? Extensions = null,
    object? Context = null);
