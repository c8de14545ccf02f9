using System.Text.Json;
using System.Text.Unicode;
using ChildInfo.Federation;
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
    /// <summary>
    /// A name given twice in one object (two <c>query</c> members, two <c>extensions.purpose</c>, a variable twice) is
    /// refused: which one counts would be up to each reader, and a proxy that checked the first would pass the gateway
    /// a request it runs by the last.
    /// </summary>
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowDuplicateProperties = false };

    private const string NotJson = "is not valid JSON, or names a member twice in one object";

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
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, $"The request body {NotJson}.");
        }
        catch (InvalidOperationException)
        {
            // Comparing member names for duplicates decodes them, which throws on a lone surrogate escape in a name.
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, $"The request body {NotWellFormed}.");
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

        if (!WellFormedText.Check(root))
        {
            document.Dispose();
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, $"The request body {NotWellFormed}.");
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
        if (QueryStringProblem(request.QueryString.Value) is { } problem)
        {
            return RequestReadResult.Fail(StatusCodes.Status400BadRequest, problem);
        }

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
            if (!WellFormedText.Check(document.RootElement))
            {
                error = $"The {name} parameter {NotWellFormed}.";
                return false;
            }

            value = document.RootElement;
            return true;
        }
        catch (JsonException)
        {
            error = $"The {name} parameter {NotJson}.";
            return false;
        }
        catch (InvalidOperationException)
        {
            error = $"The {name} parameter {NotWellFormed}.";
            return false;
        }
    }

    // Invalid UTF-8 and lone surrogates (a \ud800 escape) are refused before the audit, the planner or a subgraph
    // reads them, each of which would otherwise fail on them later.
    private const string NotWellFormed = "holds text that is not well-formed Unicode (invalid UTF-8, or a lone surrogate escape such as \\ud800): send UTF-8 text";

    /// <summary>
    /// Why the raw (still percent-encoded) query string is refused; null when it is acceptable. ASP.NET Core decodes
    /// query strings leniently, keeping a malformed escape (<c>%ZZ</c>) as text and turning invalid UTF-8 into U+FFFD,
    /// so what a caller sent would change silently: it is checked before it is decoded.
    /// </summary>
    private static string? QueryStringProblem(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return null;
        }

        var decoded = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '%')
            {
                if (i + 2 >= raw.Length || !char.IsAsciiHexDigit(raw[i + 1]) || !char.IsAsciiHexDigit(raw[i + 2]))
                {
                    return "The query string has a malformed percent-escape: each % must be followed by two hexadecimal digits.";
                }

                decoded[length++] = (byte)((HexValue(raw[i + 1]) << 4) | HexValue(raw[i + 2]));
                i += 2;
            }
            else if (char.IsAscii(c))
            {
                decoded[length++] = (byte)c;
            }
            else
            {
                return "The query string holds characters that are not percent-encoded.";
            }
        }

        return Utf8.IsValid(decoded.AsSpan(0, length)) ? null : "The query string is not valid UTF-8 once percent-decoded.";

        static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
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
