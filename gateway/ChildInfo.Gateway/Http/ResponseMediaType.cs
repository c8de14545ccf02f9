namespace ChildInfo.Gateway.Http;

/// <summary>The media type a GraphQL response is written in.</summary>
public enum ResponseMediaType
{
    /// <summary>No type the client accepts: answer 406.</summary>
    NotAcceptable,

    /// <summary><c>application/graphql-response+json</c>: request errors get HTTP 400.</summary>
    GraphQLResponseJson,

    /// <summary><c>application/json</c>: every well-formed request gets HTTP 200.</summary>
    Json,
}
