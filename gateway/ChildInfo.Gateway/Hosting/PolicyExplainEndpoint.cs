using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Explanation;

namespace ChildInfo.Gateway.Hosting;

/// <summary>
/// <c>GET /policy/explain?role=R&amp;purpose=P</c>: what the role may see and link for the purpose, and why (the
/// explanation as JSON plus the same <c>text</c> as <c>childinfo policy explain</c>). Needs a valid bearer token; a
/// caller may ask about their own roles, a data protection officer about any. A host without policies answers 404.
/// </summary>
public static class PolicyExplainEndpoint
{
    public const string Path = "/policy/explain";

    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, ExplainAsync);
    }

    private static async Task<IResult> ExplainAsync(HttpContext http, string? role, string? purpose)
    {
        var authentication = await CallerAuthentication.OfAsync(http).ConfigureAwait(false);
        if (http.RequestServices.GetRequiredService<GatewayState>().Current.Policies is not { } engine || !authentication.HostHasIdentity)
        {
            return Error(StatusCodes.Status404NotFound, "NOT_FOUND", "This gateway runs without policies.");
        }

        if (authentication.Caller is not { } caller)
        {
            return Error(StatusCodes.Status401Unauthorized, "UNAUTHENTICATED", "A valid bearer token is required to ask for a policy explanation.");
        }

        if (!string.IsNullOrWhiteSpace(role) && !caller.Roles.Contains(role) && !caller.Roles.Contains(DataProtectionOfficerOnly.Role))
        {
            return Error(StatusCodes.Status403Forbidden, "FORBIDDEN", $"You may ask only about your own roles ({string.Join(", ", caller.Roles)}); a data protection officer may ask about any.");
        }

        if (PolicyExplainRequest.Problem(engine, role, purpose) is { } problem)
        {
            return Error(StatusCodes.Status400BadRequest, "BAD_REQUEST", problem);
        }

        var explanation = PolicyExplainRequest.Explain(engine, role!, purpose!);
        return Results.Json(new { explanation, text = PolicyExplainer.ToText(explanation) });
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { errors = new[] { new { message, extensions = new { code } } } }, statusCode: status);
}
