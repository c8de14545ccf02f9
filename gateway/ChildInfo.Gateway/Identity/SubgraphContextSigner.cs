using System.Runtime.CompilerServices;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Subgraphs.Kit.Hosting.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Gateway.Identity;

/// <summary>
/// Signs the request context sent with each subgraph call (DESIGN.md section 5, defence in depth): a compact JWT,
/// HMAC-SHA256 under <see cref="GatewaySecurityOptions.ContextSigningKey"/>, carrying the user (<c>sub</c>), role,
/// purpose, request id (<c>rid</c>), record scope and rule, the labels and links a subgraph may serve for it, and the relationship holders the caller acts under
/// (<see cref="RelationshipHolders"/>: organisation, team, school and setting), issued now and valid for 60 seconds. Subgraphs check it
/// with <see cref="SubgraphContextToken.Verify"/>; the header is <see cref="SubgraphContextToken.HeaderName"/>.
/// </summary>
public sealed class SubgraphContextSigner
{
    // One token per request, shared by its subgraph calls (same caller and scope), renewed when half its life is gone.
    private readonly ConditionalWeakTable<GatewayRequestContext, Signed> _signed = new();
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;

    public SubgraphContextSigner(byte[] key, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < SubgraphContextToken.MinKeyBytes)
        {
            throw new ArgumentException($"The context signing key must be at least {SubgraphContextToken.MinKeyBytes} bytes (256 bits).", nameof(key));
        }

        _credentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The token for a request's subgraph calls; null when the request is not bound to a caller, role and purpose.</summary>
    public string? Sign(GatewayRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = _time.GetUtcNow().UtcDateTime;
        if (_signed.TryGetValue(context, out var signed) && now - signed.IssuedAt < SubgraphContextToken.DefaultLifetime / 2)
        {
            return signed.Token;
        }

        if (context.Caller is not { User.Length: > 0 } caller || context.Role is not { } role || context.Purpose is not { } purpose)
        {
            return null;
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = caller.User,
            ["role"] = role,
            ["purpose"] = purpose,
            ["rid"] = context.RequestId,
        };
        if (context.Scope is { } scope)
        {
            claims["scope"] = scope.RecordScope.ToString();
            claims["rule"] = scope.Rule.Id;
            claims[SubgraphContextClaims.Links] = scope.FollowableLinks.ToArray();
        }

        claims[SubgraphContextClaims.Labels] = context.SubgraphLabels.Order(StringComparer.Ordinal).ToArray();

        foreach (var (claim, value) in RelationshipHolders.Claims(caller, role))
        {
            claims[claim] = value;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            IssuedAt = now,
            Expires = now + SubgraphContextToken.DefaultLifetime,
            SigningCredentials = _credentials,
        });
        _signed.AddOrUpdate(context, new Signed(token, now));
        return token;
    }

    private sealed record Signed(string Token, DateTime IssuedAt);
}
