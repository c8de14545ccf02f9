using System.Buffers.Text;
using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Subgraphs.Contract;

/// <summary>
/// A subgraph's check of the context on each call it receives: signed with the shared key under HS256 only, typed
/// and issued as a context, for this subgraph (<c>aud</c>), not expired and living at most
/// <see cref="SubgraphContextToken.MaxLifetime"/> (clocks may differ by <see cref="SubgraphContextToken.ClockSkew"/>),
/// and bound to the body the call carries. Thread-safe; keep one per subgraph.
/// </summary>
public sealed class SubgraphContextVerifier
{
    private static readonly JsonWebTokenHandler Handler = new();
    private readonly TokenValidationParameters _parameters;
    private readonly TimeProvider _time;

    /// <param name="key">The shared key, 256 bits or more.</param>
    /// <param name="audience">This subgraph's name as the gateway knows it (the supergraph's <c>join__graph</c> name).</param>
    /// <param name="time">The clock lifetimes are checked against.</param>
    public SubgraphContextVerifier(byte[] key, string audience, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(audience);
        Audience = audience;
        _time = time ?? TimeProvider.System;
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = SubgraphContextToken.SigningKey(key),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidTypes = [SubgraphContextToken.TokenType],
            ValidIssuer = SubgraphContextToken.Issuer,
            ValidAudience = audience,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            RequireAudience = true,
            ValidateLifetime = true,
            ClockSkew = SubgraphContextToken.ClockSkew,
            // The library reads the system clock; this reads the subgraph's, so tests can move it.
            LifetimeValidator = CheckLifetime,
            // The claims are read from the payload below; the library's claim mapping and identity are not needed.
            SaveSigninToken = false,
        };
    }

    /// <summary>The subgraph name a context must be for.</summary>
    public string Audience { get; }

    /// <summary>
    /// Checks <paramref name="token"/> for a call whose request body is <paramref name="body"/> (null for a call with
    /// none, such as a GET, which no context is bound to); says why when it is refused.
    /// </summary>
    public async Task<SubgraphContextVerification> VerifyAsync(string? token, ReadOnlyMemory<byte>? body)
    {
        const string Header = SubgraphContextToken.HeaderName;
        if (string.IsNullOrWhiteSpace(token))
        {
            return SubgraphContextVerification.Refused($"The call carries no {Header} header: subgraphs answer only the gateway.");
        }

        TokenValidationResult result;
        try
        {
            result = await Handler.ValidateTokenAsync(token.Trim(), _parameters).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            return SubgraphContextVerification.Refused($"The {Header} header is not a compact JWT.");
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return SubgraphContextVerification.Refused(Describe(result.Exception));
        }

        if (!jwt.TryGetPayloadValue<long>("iat", out var iat))
        {
            return SubgraphContextVerification.Refused($"The {Header} token has no iat or exp.");
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(iat);
        var expires = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        if (expires - issued > SubgraphContextToken.MaxLifetime)
        {
            return SubgraphContextVerification.Refused($"The {Header} token lives longer than {SubgraphContextToken.MaxLifetime.TotalSeconds:0} seconds.");
        }

        if (issued > _time.GetUtcNow() + SubgraphContextToken.ClockSkew)
        {
            return SubgraphContextVerification.Refused($"The {Header} token is issued in the future.");
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.EncodedPayload));
            return Read(payload.RootElement, issued, expires, body);
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return SubgraphContextVerification.Refused($"The {Header} token is malformed.");
        }
    }

    private SubgraphContextVerification Read(JsonElement claims, DateTimeOffset issued, DateTimeOffset expires, ReadOnlyMemory<byte>? body)
    {
        const string Header = SubgraphContextToken.HeaderName;
        string? Text(string name) => claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
        if (Text(SubgraphContextClaims.BodyHash) is not { } bound)
        {
            return SubgraphContextVerification.Refused($"The {Header} token is not bound to a request body ({SubgraphContextClaims.BodyHash}).");
        }

        if (body is not { } received)
        {
            return SubgraphContextVerification.Refused($"The {Header} token binds a POST body: this call has none.");
        }

        if (!string.Equals(bound, SubgraphContextToken.BodyHash(received.Span), StringComparison.Ordinal))
        {
            return SubgraphContextVerification.Refused($"The {Header} token was signed for another operation or other variables than this call carries.");
        }

        if (Texts(claims, SubgraphContextClaims.Labels) is not { } labels || Texts(claims, SubgraphContextClaims.Links) is not { } links)
        {
            return SubgraphContextVerification.Refused($"The {Header} token's labels or links are not arrays of strings.");
        }

        if (Text(SubgraphContextClaims.User) is not { } user || Text(SubgraphContextClaims.Role) is not { } role
            || Text(SubgraphContextClaims.Purpose) is not { } purpose || Text(SubgraphContextClaims.RequestId) is not { } requestId)
        {
            return SubgraphContextVerification.Refused($"The {Header} token lacks sub, role, purpose or rid.");
        }

        return SubgraphContextVerification.Accepted(new SubgraphContext(user, role, purpose, requestId)
        {
            Justification = Text(SubgraphContextClaims.Justification),
            Scope = Text(SubgraphContextClaims.Scope),
            Rule = Text(SubgraphContextClaims.Rule),
            Organisation = Text(SubgraphContextClaims.Organisation),
            Team = Text(SubgraphContextClaims.Team),
            School = Text(SubgraphContextClaims.School),
            Setting = Text(SubgraphContextClaims.Setting),
            Labels = labels,
            Links = links,
            Audience = Audience,
            BodyHash = bound,
            IssuedAt = issued,
            ExpiresAt = expires,
        });
    }

    private bool CheckLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is not { } exp)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp.");
        }

        if (now > exp + parameters.ClockSkew)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = exp };
        }

        if (notBefore is { } nbf && nbf > now + parameters.ClockSkew)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = nbf };
        }

        return true;
    }

    /// <summary>Why the token library refused a token, in the words a subgraph's caller can act on.</summary>
    private string Describe(Exception? exception)
    {
        const string Header = SubgraphContextToken.HeaderName;
        return exception switch
        {
            SecurityTokenMalformedException => $"The {Header} header is not a compact JWT.",
            SecurityTokenInvalidAlgorithmException => $"The {Header} token must be signed with HS256.",
            SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException => $"The {Header} token's signature is not valid.",
            SecurityTokenInvalidTypeException => $"The {Header} token is not a request context (typ must be {SubgraphContextToken.TokenType}).",
            SecurityTokenInvalidIssuerException => $"The {Header} token was not issued by the gateway.",
            SecurityTokenInvalidAudienceException => $"The {Header} token is for another subgraph, not {Audience}.",
            SecurityTokenExpiredException => $"The {Header} token has expired.",
            SecurityTokenNoExpirationException => $"The {Header} token has no iat or exp.",
            SecurityTokenNotYetValidException => $"The {Header} token is not valid yet.",
            _ => $"The {Header} token is not valid.",
        };
    }

    /// <summary>
    /// An optional array-of-strings claim as a set (empty when absent); null when it is there but malformed. A plain
    /// hash set: it lives for one call, too short to repay building a frozen one.
    /// </summary>
    private static IReadOnlySet<string>? Texts(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value))
        {
            return FrozenSet<string>.Empty;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var items = new HashSet<string>(value.GetArrayLength(), StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } text)
            {
                return null;
            }

            items.Add(text);
        }

        return items;
    }
}
