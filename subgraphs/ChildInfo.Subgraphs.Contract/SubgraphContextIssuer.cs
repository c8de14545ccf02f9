using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Subgraphs.Contract;

/// <summary>
/// Signs request contexts: one token per subgraph call, for that subgraph (<c>aud</c>) and that call's body
/// (<c>body_sha256</c>), valid for <see cref="SubgraphContextToken.DefaultLifetime"/>. Thread-safe; keep one.
/// </summary>
public sealed class SubgraphContextIssuer
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;

    /// <param name="key">The shared key, 256 bits or more.</param>
    /// <param name="time">The clock <c>iat</c> and <c>exp</c> are read from.</param>
    public SubgraphContextIssuer(byte[] key, TimeProvider? time = null)
    {
        _credentials = new SigningCredentials(SubgraphContextToken.SigningKey(key), SecurityAlgorithms.HmacSha256);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The token for one call of <paramref name="context"/>'s request to <paramref name="audience"/> with <paramref name="body"/>.</summary>
    public string Sign(SubgraphContext context, string audience, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        var now = _time.GetUtcNow();
        return Create(context with
        {
            Audience = audience,
            BodyHash = SubgraphContextToken.BodyHash(body),
            IssuedAt = now,
            ExpiresAt = now + SubgraphContextToken.DefaultLifetime,
        });
    }

    /// <summary>Signs <paramref name="context"/> exactly as given.</summary>
    public string Create(SubgraphContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = new Dictionary<string, object>(16, StringComparer.Ordinal)
        {
            [SubgraphContextClaims.User] = context.User,
            [SubgraphContextClaims.Role] = context.Role,
            [SubgraphContextClaims.Purpose] = context.Purpose,
            [SubgraphContextClaims.RequestId] = context.RequestId,
            [SubgraphContextClaims.Labels] = context.Labels.Order(StringComparer.Ordinal).ToArray(),
            [SubgraphContextClaims.Links] = context.Links.Order(StringComparer.Ordinal).ToArray(),
        };
        Optional(SubgraphContextClaims.Justification, context.Justification);
        Optional(SubgraphContextClaims.Scope, context.Scope);
        Optional(SubgraphContextClaims.Rule, context.Rule);
        Optional(SubgraphContextClaims.Organisation, context.Organisation);
        Optional(SubgraphContextClaims.Team, context.Team);
        Optional(SubgraphContextClaims.School, context.School);
        Optional(SubgraphContextClaims.Setting, context.Setting);
        Optional(SubgraphContextClaims.BodyHash, context.BodyHash);
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = SubgraphContextToken.TokenType,
            Issuer = SubgraphContextToken.Issuer,
            Audience = context.Audience,
            IssuedAt = context.IssuedAt.UtcDateTime,
            Expires = context.ExpiresAt.UtcDateTime,
            SigningCredentials = _credentials,
        });

        void Optional(string claim, string? value)
        {
            if (value is { Length: > 0 })
            {
                claims[claim] = value;
            }
        }
    }
}
