using System.Text.Json;

namespace ChildInfo.Federation.Tests.Differential;

/// <summary>One operation sent to both gateways: a corpus case (id = case folder) or a random query (id = <c>random-N</c>).</summary>
internal sealed record DifferentialRequest(string Id, string Query, JsonElement? Variables, string? OperationName);
