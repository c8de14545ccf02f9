using System.Text.Json;
using ChildInfo.Federation;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Authorisation.Preferences;
using ChildInfo.Gateway.Http;
using ChildInfo.Gateway.Identity;
using ChildInfo.Gateway.Revisions;
using ChildInfo.Policies.Decisions;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Purpose-based authorisation: a valid bearer token (else 401), a role the policies know (else 403), exactly one
/// purpose the role may use with its justification, break-glass only where the rule allows it (else 403, listing the
/// purposes the role may use). The bound policy scope becomes the planner's field policy and the plan-cache scope,
/// so denied fields are never planned. Strict mode (policy default or <c>ChildInfo-Strict: true</c>) refuses the
/// whole operation when anything would be withheld. An aggregate-only purpose may not introspect the schema (403): its
/// roles never see a row, so they have no use for browsing row-level types, and learn the API from its documentation.
/// The query plan (<c>ChildInfo-Debug-Plan</c>) is shown only to a caller whose token holds the system owner's role.
/// </summary>
public sealed class PolicyAuthoriser : IOperationAuthoriser
{
    public string? ScopeKey(GatewayRequestContext context) => context.Scope?.CacheKey;

    public ValueTask<RequestBinding> BindAsync(CallerAuthentication authentication, CallerDeclaration declaration, GatewayRequestContext context, GatewayRevision revision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        ArgumentNullException.ThrowIfNull(declaration);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(revision);
        return ValueTask.FromResult(Bind(authentication, declaration, context, revision));
    }

    private static RequestBinding Bind(CallerAuthentication authentication, CallerDeclaration declaration, GatewayRequestContext context, GatewayRevision revision)
    {
        if (authentication.Principal is not { } principal)
        {
            return RequestBinding.Refuse(context, StatusCodes.Status401Unauthorized,
                new GraphQLError(TokenFailure.Describe(authentication.Failure), AuthorisationCodes.Unauthenticated)) with
            {
                Challenge = authentication.Failure is null ? "Bearer" : "Bearer error=\"invalid_token\"",
            };
        }

        var caller = CallerIdentity.FromPrincipal(principal);
        if (caller.User.Length == 0)
        {
            return RequestBinding.Refuse(context, StatusCodes.Status401Unauthorized,
                new GraphQLError("The bearer token names no user (sub).", AuthorisationCodes.Unauthenticated)) with
            {
                Challenge = "Bearer error=\"invalid_token\"",
            };
        }

        context = context with { Caller = caller };
        if (revision.Policies is not { } engine)
        {
            return RequestBinding.Refuse(context, StatusCodes.Status503ServiceUnavailable,
                new GraphQLError("The gateway has no policies to decide with, so nothing is served.", AuthorisationCodes.NoPolicies));
        }

        string role;
        if (declaration.Role is { } requested)
        {
            if (!caller.Roles.Contains(requested))
            {
                return Forbid(context, AuthorisationCodes.RoleNotHeld, $"The token does not hold role '{requested}'. It holds: {Roles(caller)}.");
            }

            role = requested;
        }
        else if (caller.Roles.Length == 1)
        {
            role = caller.Roles[0];
        }
        else
        {
            return Forbid(context, AuthorisationCodes.NoRole, caller.Roles.IsEmpty
                ? "The bearer token carries no role."
                : $"The token holds several roles ({Roles(caller)}): choose one with the {RequestHeaders.Role} header.");
        }

        context = context with { Role = role };
        if (!engine.Set.Roles.ContainsKey(role))
        {
            return Forbid(context, DecisionCodes.UnknownRole, $"Unknown role '{role}': the policies define no such role.");
        }

        var binding = engine.Bind(role, context.Purpose, !string.IsNullOrWhiteSpace(context.Justification), declaration.BreakGlass);
        if (!binding.Allowed || binding.Scope is not { } scope)
        {
            return RequestBinding.Refuse(context, StatusCodes.Status403Forbidden, new GraphQLError(binding.Message, binding.Code, null, null,
                new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                {
                    ["role"] = JsonSerializer.SerializeToElement(role),
                    ["allowedPurposes"] = JsonSerializer.SerializeToElement(binding.AllowedPurposes.ToArray()),
                }));
        }

        context = context with
        {
            BreakGlass = scope.BreakGlass,
            Strict = scope.Strict || declaration.Strict,
            Scope = scope,
        };
        var fieldPolicy = PlanningPolicy(revision, scope);
        context = context with { SubgraphLabels = fieldPolicy.SubgraphLabels };
        return RequestBinding.Allow(context, scope.CacheKey, fieldPolicy);
    }

    /// <summary>
    /// The field policy <paramref name="scope"/>'s operations are planned under in <paramref name="revision"/>, shared
    /// by requests and plan warming (a warmed plan must be the plan the request would build). The child's and family's
    /// data-use preferences travel with it: see Preferences/.
    /// </summary>
    public static PreferenceGuardedPolicy PlanningPolicy(GatewayRevision revision, PolicyScope scope)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(scope);
        var policies = revision.Policies ?? throw new ArgumentException("The revision has no policies.", nameof(revision));
        return PreferenceGuardedPolicy.For(revision.FieldPolicy(scope), scope, policies.Set, revision.Supergraph);
    }

    public ValueTask<AuthorisationDecision> AuthoriseAsync(GatewayRequestContext context, PreparedOperation operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(operation);
        if (context.Scope is not { } scope)
        {
            return ValueTask.FromResult(AuthorisationDecision.Deny(new GraphQLError("The request is not bound to a purpose.", DecisionCodes.PurposeRequired)));
        }

        if (operation.Plan.HasIntrospection && scope.Purpose.AggregateOnly)
        {
            return ValueTask.FromResult(AuthorisationDecision.Deny(new GraphQLError(
                $"Purpose '{scope.Purpose.Id}' is aggregate-only, so the schema cannot be introspected (__schema, __type): the API is described in its documentation.",
                AuthorisationCodes.IntrospectionNotAllowed)));
        }

        var withheld = operation.Fields.Withheld;
        if (context.Strict && !withheld.IsEmpty)
        {
            var errors = withheld.Select(w => new GraphQLError(
                $"Strict mode: the operation asks for {w.Coordinate}, which is withheld: {w.Reason}", w.Code, null, null,
                new Dictionary<string, JsonElement>(StringComparer.Ordinal)
                {
                    ["field"] = JsonSerializer.SerializeToElement(w.Coordinate),
                    ["reason"] = JsonSerializer.SerializeToElement(w.Reason),
                    ["rule"] = JsonSerializer.SerializeToElement(w.Rule),
                    ["label"] = JsonSerializer.SerializeToElement(w.Label),
                    ["strict"] = JsonSerializer.SerializeToElement(true),
                })).ToArray();
            return ValueTask.FromResult(AuthorisationDecision.Deny(errors));
        }

        // The plan names every subgraph call and the fields the gateway fetches for itself: for the service's owner only.
        var mayShowPlan = context.Caller is { } caller && caller.Roles.Contains(ChildInfoRoles.SystemOwner);
        return ValueTask.FromResult(AuthorisationDecision.Allow(mayShowPlan));
    }

    private static RequestBinding Forbid(GatewayRequestContext context, string code, string message) =>
        RequestBinding.Refuse(context, StatusCodes.Status403Forbidden, new GraphQLError(message, code));

    private static string Roles(CallerIdentity caller) => caller.Roles.IsEmpty ? "none" : string.Join(", ", caller.Roles);

}
