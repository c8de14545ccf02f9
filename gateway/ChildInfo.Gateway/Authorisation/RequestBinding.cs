using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// The outcome of binding a request to its caller and purpose, before anything is planned: either a refusal (status,
/// errors and, for a missing or bad token, the <c>WWW-Authenticate</c> challenge) or the bound context with the
/// plan-cache scope and the field policy the planner applies.
/// </summary>
public sealed record RequestBinding(
    bool Allowed,
    int Status,
    IReadOnlyList<GraphQLError> Errors,
    GatewayRequestContext Context,
    string? ScopeKey,
    IFieldAccessPolicy? FieldPolicy)
{
    /// <summary>The <c>WWW-Authenticate</c> value of a refusal for want of a valid token; null otherwise.</summary>
    public string? Challenge { get; init; }

    public static RequestBinding Allow(GatewayRequestContext context, string? scopeKey, IFieldAccessPolicy? fieldPolicy) =>
        new(true, StatusCodes.Status200OK, [], context, scopeKey, fieldPolicy);

    public static RequestBinding Refuse(GatewayRequestContext context, int status, params GraphQLError[] errors) =>
        new(false, status, errors, context, null, null);
}
