using System.Buffers.Text;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ChildInfo.Subgraphs.Contract;

/// <summary>
/// The signed request context as a compact JWT (RFC 7519), HMAC-SHA256 (<c>alg: HS256</c>) under a key shared by
/// the gateway and its subgraphs, typed <see cref="TokenType"/> and issued by <see cref="Issuer"/>. Claims (see
/// <see cref="SubgraphContextClaims"/>): <c>sub</c>, <c>role</c>, <c>purpose</c>, <c>rid</c>, optional
/// <c>justification</c>, <c>scope</c>, <c>rule</c> and relationship holders (<c>org</c>, <c>team</c>,
/// <c>school_urn</c>, <c>setting_urn</c>), the labels and links the subgraph may serve, and the binding to one call:
/// <c>aud</c> (the subgraph's name), <c>body_sha256</c> (the call's body) and <c>iat</c>/<c>exp</c> (at most
/// <see cref="MaxLifetime"/> apart). Signed by <see cref="SubgraphContextIssuer"/>, checked by
/// <see cref="SubgraphContextVerifier"/>.
/// </summary>
public static class SubgraphContextToken
{
    /// <summary>The HTTP header that carries the token.</summary>
    public const string HeaderName = "ChildInfo-Context";

    /// <summary>The token's <c>typ</c> header (explicit typing, RFC 8725): no other JWT passes for a context.</summary>
    public const string TokenType = "childinfo-context+jwt";

    /// <summary>The token's <c>iss</c>: the gateway.</summary>
    public const string Issuer = "childinfo-gateway";

    /// <summary>Shortest key accepted: 256 bits.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>How long the gateway's contexts live: one call's context is used the moment it is signed.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(30);

    /// <summary>The longest lifetime (exp − iat) a subgraph accepts.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromSeconds(60);

    /// <summary>Tolerated difference between the gateway's and the subgraph's clocks.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What binds a context to one call: the SHA-256 of the exact request body bytes, base64url. The whole body is
    /// hashed, not the query text alone, because a captured context must not open other children: the variables (an
    /// <c>_entities</c> call's representations, a lookup's id) are what choose the records. Hashing the bytes as sent
    /// needs no canonical JSON on either side (a canonicaliser in every subgraph's language is where binding bugs
    /// hide), and SHA-256 over a few kilobytes costs less than parsing them.
    /// </summary>
    public static string BodyHash(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Base64Url.EncodeToString(hash);
    }

    /// <summary>
    /// Signs <paramref name="context"/> exactly as given (audience, body hash and times included), for tools and
    /// tests; the gateway signs each call with <see cref="SubgraphContextIssuer.Sign(PreparedSubgraphContext, string, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static string Create(SubgraphContext context, byte[] key) => new SubgraphContextIssuer(key).Create(context);

    /// <summary>The key as the token library takes it; refuses one shorter than <see cref="MinKeyBytes"/>.</summary>
    internal static SymmetricSecurityKey SigningKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyBytes)
        {
            throw new ArgumentException($"The request context key must be at least {MinKeyBytes} bytes (256 bits).", nameof(key));
        }

        return new SymmetricSecurityKey(key);
    }
}
