using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using ChildInfo.Subgraphs.Contract;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Signs the request context sent with each subgraph call (DESIGN.md sections 5 and 12): a compact JWT, HMAC-SHA256
/// under <see cref="GatewaySecurityOptions.ContextSigningKey"/>, carrying the user (<c>sub</c>), role, purpose and
/// justification, request id (<c>rid</c>), record scope and rule, the labels and links a subgraph may serve for it,
/// and the relationship holders the caller acts under (<see cref="RelationshipHolders"/>). Each call gets its own
/// token: for that subgraph (<c>aud</c>), bound to that call's body (<c>body_sha256</c>), valid for
/// <see cref="SubgraphContextToken.DefaultLifetime"/>. The caller's text (purpose, justification) reaches a subgraph
/// only here, inside the signature, never as a header of its own.
/// </summary>
public sealed class SubgraphContextSigner
{
    // What a request's calls share (caller, scope, labels) is worked out and written once per request.
    private readonly ConditionalWeakTable<GatewayRequestContext, PreparedSubgraphContext> _requests = new();
    private readonly SubgraphContextIssuer _issuer;

    /// <param name="key">The shared key, 256 bits or more.</param>
    /// <param name="time">The clock <c>iat</c> and <c>exp</c> are read from.</param>
    public SubgraphContextSigner(byte[] key, TimeProvider? time = null) => _issuer = new SubgraphContextIssuer(key, time);

    /// <summary>
    /// The token for one call of <paramref name="context"/>'s request to <paramref name="subgraph"/> with
    /// <paramref name="body"/>; null when the request is not bound to a caller, role and purpose.
    /// </summary>
    public string? Sign(GatewayRequestContext context, string subgraph, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Caller is not { User.Length: > 0 } || context.Role is null || context.Purpose is null)
        {
            return null;
        }

        return _issuer.Sign(_requests.GetValue(context, Describe), subgraph, body);
    }

    private static PreparedSubgraphContext Describe(GatewayRequestContext context)
    {
        var caller = context.Caller!;
        var role = context.Role!;
        return SubgraphContextIssuer.Prepare(RelationshipHolders.Apply(new SubgraphContext(caller.User, role, context.Purpose!, context.RequestId)
        {
            Justification = context.Justification,
            Scope = context.Scope?.RecordScope.ToString(),
            Rule = context.Scope?.Rule.Id,
            Links = context.Scope is { } scope ? scope.FollowableLinks.ToFrozenSet(StringComparer.Ordinal) : FrozenSet<string>.Empty,
            Labels = context.SubgraphLabels,
        }, caller, role));
    }
}
