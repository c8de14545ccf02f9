using System.Text.Json;

namespace ChildInfo.Gateway.Http;

/// <summary>
/// The GraphQL request parameters read from an HTTP request. Owns the JSON documents its elements point into:
/// dispose it once the response is written.
/// </summary>
public sealed class HttpGraphQLRequest : IDisposable
{
    private readonly JsonDocument[] _documents;

    public HttpGraphQLRequest(string? query, string? operationName, JsonElement? variables, JsonElement? extensions, params JsonDocument[] documents)
    {
        Query = query;
        OperationName = operationName;
        Variables = variables;
        Extensions = extensions;
        _documents = documents;
    }

    public string? Query { get; }

    public string? OperationName { get; }

    public JsonElement? Variables { get; }

    public JsonElement? Extensions { get; }

    public void Dispose()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }
    }
}
