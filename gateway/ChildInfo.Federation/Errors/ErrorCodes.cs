namespace ChildInfo.Federation.Errors;

/// <summary>
/// Every <c>extensions.code</c> the federation engine puts on a GraphQL error. Stable: clients and tests rely on them.
/// </summary>
public static class ErrorCodes
{
    /// <summary>The request has no query, or its body is not a GraphQL request.</summary>
    public const string BadRequest = "BAD_REQUEST";

    /// <summary>The query text does not parse.</summary>
    public const string ParseFailed = "GRAPHQL_PARSE_FAILED";

    /// <summary>The operation is not valid against the API schema.</summary>
    public const string ValidationFailed = "GRAPHQL_VALIDATION_FAILED";

    /// <summary>A variable value is missing or does not match its declared type.</summary>
    public const string BadUserInput = "BAD_USER_INPUT";

    /// <summary>
    /// A name in the document is reserved: an alias, field or variable in the gateway's own namespace
    /// (<c>fed__</c>), or a name beginning with two underscores other than the introspection fields.
    /// </summary>
    public const string ReservedName = "RESERVED_NAME";

    /// <summary>The operation name matches no operation, or a document with several operations names none.</summary>
    public const string UnknownOperationName = "GRAPHQL_UNKNOWN_OPERATION_NAME";

    /// <summary>The operation type is not served (subscriptions).</summary>
    public const string OperationNotSupported = "OPERATION_NOT_SUPPORTED";

    /// <summary>The query text is longer than allowed.</summary>
    public const string QueryTooLarge = "QUERY_TOO_LARGE";

    /// <summary>The operation nests deeper than allowed.</summary>
    public const string QueryTooDeep = "QUERY_TOO_DEEP";

    /// <summary>
    /// A subgraph returned an enum value the API schema does not have (one marked <c>@inaccessible</c>): the field is
    /// null in the response, with this error at its path.
    /// </summary>
    public const string InaccessibleEnumValue = "INACCESSIBLE_ENUM_VALUE";

    /// <summary>The operation selects too many fields once fragments are expanded.</summary>
    public const string OperationTooComplex = "OPERATION_TOO_COMPLEX";

    /// <summary>Planning needed more work than its bound allows.</summary>
    public const string PlanningLimitExceeded = "QUERY_PLANNING_LIMIT_EXCEEDED";

    /// <summary>The supergraph offers no way to fetch a field the operation asks for.</summary>
    public const string PlanningFailed = "QUERY_PLANNING_FAILED";

    /// <summary>A subgraph could not be reached or answered with an HTTP error.</summary>
    public const string SubgraphRequestFailed = "SUBREQUEST_HTTP_ERROR";

    /// <summary>A subgraph did not answer within its timeout or the request's deadline.</summary>
    public const string SubgraphTimeout = "SUBREQUEST_TIMEOUT";

    /// <summary>A subgraph was not called: it failed so often lately that calls to it fail fast for a while (its circuit is open).</summary>
    public const string SubgraphUnavailable = "SUBGRAPH_UNAVAILABLE";

    /// <summary>A subgraph's answer is not a GraphQL response.</summary>
    public const string SubgraphInvalidResponse = "SUBREQUEST_MALFORMED_RESPONSE";

    /// <summary>An error a subgraph reported without a code of its own.</summary>
    public const string SubgraphError = "SUBGRAPH_ERROR";

    /// <summary>A non-null field came back null with no other error to explain it.</summary>
    public const string NonNullViolation = "NON_NULL_VIOLATION";

    /// <summary>An unexpected failure inside the gateway.</summary>
    public const string InternalError = "INTERNAL_SERVER_ERROR";
}
