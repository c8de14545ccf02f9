using System.Text.Json;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace ChildInfo.Gateway.Http;

/// <summary>
/// Reads GraphQL request parameters from a POST body (<c>application/json</c>, UTF-8) or a GET query string, checking
/// their JSON types as the GraphQL over HTTP specification says. Never throws for bad input: every failure becomes a
/// status code and a message.
/// </summary>
public static class GraphQLRequestReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static async Task<RequestReadResult> ReadPostAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJsonContentType(request.ContentType, out var contentTypeError))
        {
            return RequestReadResult.Fail(StatusCodes.Status415UnsupportedMediaType, contentTypeError);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(request.Body, DocumentOptions, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The request body is not valid JSON.");
        }
        catch (BadHttpRequestException ex)
        {
            return RequestReadResult.Fail(ex.StatusCode, ex.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "The request body is too large."
                : "The request body could not be read.");
        }

        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The request body must be a JSON object.");
        }

        var result = FromParameters(
            Property(root, "query"),
            Property(root, "operationName"),
            Property(root, "variables"),
            Property(root, "extensions"),
            document);
        if (result.Request is null)
        {
            document.Dispose();
        }

        return result;
    }

    public static RequestReadResult ReadGet(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var parameters = request.Query;
        var documents = new List<JsonDocument>(2);
        if (!TryParseJsonParameter(parameters["variables"], "variables", documents, out var variables, out var error)
            || !TryParseJsonParameter(parameters["extensions"], "extensions", documents, out var extensions, out error))
        {
            documents.ForEach(d => d.Dispose());
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, error);
        }

        if (parameters["query"].Count > 1 || parameters["operationName"].Count > 1)
        {
            documents.ForEach(d => d.Dispose());
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The query and operationName parameters may appear only once.");
        }

        var query = parameters["query"].ToString();
        var operationName = parameters["operationName"].ToString();
        var result = Validate(
            query.Length == 0 ? null : query,
            operationName.Length == 0 ? null : operationName,
            variables,
            extensions,
            [.. documents]);
        if (result.Request is null)
        {
            documents.ForEach(d => d.Dispose());
        }

        return result;
    }

    private static RequestReadResult FromParameters(JsonElement? query, JsonElement? operationName, JsonElement? variables, JsonElement? extensions, JsonDocument document)
    {
        if (query is { } q && q.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The query parameter must be a string.");
        }

        if (operationName is { } o && o.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The operationName parameter must be a string or null.");
        }

        return Validate(
            query?.ValueKind == JsonValueKind.String ? query.Value.GetString() : null,
            operationName?.ValueKind == JsonValueKind.String ? operationName.Value.GetString() : null,
            variables,
            extensions,
            document);
    }

    private static RequestReadResult Validate(string? query, string? operationName, JsonElement? variables, JsonElement? extensions, params JsonDocument[] documents)
    {
        if (variables is { } v && v.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The variables parameter must be a JSON object or null.");
        }

        if (extensions is { } e && e.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The extensions parameter must be a JSON object or null.");
        }

        if (string.IsNullOrWhiteSpace(query))
        {
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, "The request has no query.");
        }

        return RequestReadResult.Ok(new HttpGraphQLRequest(
            query,
            operationName,
            variables is { ValueKind: JsonValueKind.Object } ? variables : null,
            extensions is { ValueKind: JsonValueKind.Object } ? extensions : null,
            documents));
    }

    private static bool TryParseJsonParameter(StringValues raw, string name, List<JsonDocument> documents, out JsonElement? value, out string error)
    {
        value = null;
        error = string.Empty;
        if (raw.Count == 0 || string.IsNullOrEmpty(raw[0]))
        {
            return true;
        }

        if (raw.Count > 1)
        {
            error = $"The {name} parameter may appear only once.";
            return false;
        }

        try
        {
            var document = JsonDocument.Parse(raw[0]!, DocumentOptions);
            documents.Add(document);
            value = document.RootElement;
            return true;
        }
        catch (JsonException)
        {
            error = $"The {name} parameter is not valid JSON.";
            return false;
        }
    }

    private static JsonElement? Property(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) ? value : null;

    private static bool IsJsonContentType(string? contentType, out string error)
    {
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(contentType))
        {
            error = "A POST request needs a Content-Type header: application/json.";
            return false;
        }

        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed)
            || !string.Equals(parsed.MediaType.Value, "application/json", StringComparison.OrdinalIgnoreCase))
        {
            error = "The request body must be application/json.";
            return false;
        }

        var charset = parsed.Charset.Value;
        if (!string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            error = "The request body must be encoded in UTF-8.";
            return false;
        }

        return true;
    }
}
