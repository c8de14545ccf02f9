namespace ChildInfo.Gateway.Http;

/// <summary>Either the request's GraphQL parameters or why the HTTP request is not a GraphQL request.</summary>
public sealed record RequestReadResult(HttpGraphQLRequest? Request, int StatusCode, string? Error)
{
    public static RequestReadResult Ok(HttpGraphQLRequest request) => new(request, StatusCodes.Status200OK, null);

    public static RequestReadResult Fail(int statusCode, string error) => new(null, statusCode, error);
}
