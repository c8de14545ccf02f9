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

    public static async Task WriteAsync(HttpResponse response, int statusCode, ResponseMediaType mediaType, GatewayResult result, CancellationToken cancellationToken)
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

        await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A request error of the HTTP layer (not JSON, wrong type, no query...): only <c>errors</c>, code <c>BAD_REQUEST</c>.</summary>
    public static Task WriteRequestErrorAsync(HttpResponse response, int statusCode, ResponseMediaType mediaType, string message, CancellationToken cancellationToken) =>
        WriteAsync(
            response,
            statusCode,
            mediaType == ResponseMediaType.NotAcceptable ? ResponseMediaType.Json : mediaType,
            GatewayResult.RequestError(new GraphQLError(message, ErrorCodes.BadRequest)),
            cancellationToken);
}
