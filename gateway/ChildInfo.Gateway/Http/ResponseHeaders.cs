namespace ChildInfo.Gateway.Http;

/// <summary>The product's response headers on <c>/graphql</c>.</summary>
public static class ResponseHeaders
{
    /// <summary>The request id its audit record carries: what a caller quotes when asking about an access.</summary>
    public const string RequestId = "ChildInfo-Request-Id";

    /// <summary>The registry revision (supergraph and policies) that served the request.</summary>
    public const string Revision = "ChildInfo-Revision";
}
