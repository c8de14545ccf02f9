using System.Text.Encodings.Web;
using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;

namespace ChildInfo.Gateway.Http;

/// <summary>Writes GraphQL responses (results and request errors) straight to the response body as UTF-8 JSON.</summary>
public static class GraphQLResponseWriter
{
    // Readable JSON: no escaping of quotes, '<' or '>' inside strings (the body is never embedded in HTML).
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Write(HttpResponse response, int statusCode, ResponseMediaType mediaType, GatewayResult result)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(result);
        response.StatusCode = statusCode;
        response.ContentType = AcceptNegotiation.ContentType(mediaType);
        response.Headers.CacheControl = "no-store";
        using (var writer = new Utf8JsonWriter(response.BodyWriter, WriterOptions))
        {
            result.WriteTo(writer);
        }

        // Not flushed here: the server sends what is written when the request's handling ends, together with the end of
        // its chunked encoding. A flush here sent the body, then the end of the handling sent the five-byte last chunk
        // on its own: one more send and one more packet per request. Completing the response instead would send both
        // at once but before the handling ends (its metrics and spans), which callers reading those can tell.
    }

    /// <summary>A request error of the HTTP layer (not JSON, wrong type, no query...): only <c>errors</c>, code <c>BAD_REQUEST</c>.</summary>
    public static void WriteRequestError(HttpResponse response, int statusCode, ResponseMediaType mediaType, string message) =>
        Write(
            response,
            statusCode,
            mediaType == ResponseMediaType.NotAcceptable ? ResponseMediaType.Json : mediaType,
            GatewayResult.RequestError(new GraphQLError(message, ErrorCodes.BadRequest)));
}
