using Microsoft.Net.Http.Headers;

namespace ChildInfo.Gateway.Http;

/// <summary>
/// Chooses the response media type from the <c>Accept</c> header as the GraphQL over HTTP specification says: no
/// header means <c>application/json</c>; of the two GraphQL types the client accepts, the one with the higher
/// quality wins, <c>application/graphql-response+json</c> on a tie; wildcards give <c>application/json</c>.
/// </summary>
public static class AcceptNegotiation
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";

    public static ResponseMediaType Choose(IList<string>? acceptHeaders)
    {
        if (acceptHeaders is null || acceptHeaders.Count == 0 || acceptHeaders.All(string.IsNullOrWhiteSpace))
        {
            return ResponseMediaType.Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(acceptHeaders, out var accepted) || accepted.Count == 0)
        {
            return ResponseMediaType.Json;
        }

        double graphQL = 0, json = 0, wildcard = 0;
        foreach (var type in accepted)
        {
            var quality = type.Quality ?? 1.0;
            var mediaType = type.MediaType.Value ?? string.Empty;
            if (mediaType.Equals(GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphQL = Math.Max(graphQL, quality);
            }
            else if (mediaType.Equals(Json, StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
            else if (mediaType is "*/*" or "application/*")
            {
                wildcard = Math.Max(wildcard, quality);
            }
        }

        if (graphQL > 0 && graphQL >= json)
        {
            return ResponseMediaType.GraphQLResponseJson;
        }

        return json > 0 || wildcard > 0 ? ResponseMediaType.Json : ResponseMediaType.NotAcceptable;
    }

    public static string ContentType(ResponseMediaType mediaType) => mediaType == ResponseMediaType.GraphQLResponseJson
        ? GraphQLResponseJson + "; charset=utf-8"
        : Json + "; charset=utf-8";
}
