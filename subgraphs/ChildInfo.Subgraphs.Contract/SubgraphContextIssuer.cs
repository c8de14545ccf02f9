using System.Buffers;
using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChildInfo.Subgraphs.Contract;

/// <summary>
/// Signs request contexts: one token per subgraph call, for that subgraph (<c>aud</c>) and that call's body
/// (<c>body_sha256</c>), valid for <see cref="SubgraphContextToken.DefaultLifetime"/>. Thread-safe; keep one.
/// </summary>
/// <remarks>
/// The token is a compact JWS (RFC 7515) with HMAC-SHA256 written here rather than by the token library: a gateway
/// request signs one token per subgraph call, and the library built each from a claims dictionary through a growing
/// buffer, about a sixth of everything the gateway allocated per request under load. What the calls of one request
/// share (caller, role, purpose, labels, links) is written once (<see cref="Prepare"/>); each call adds its audience,
/// body hash and times. Subgraphs check the tokens with the library (<see cref="SubgraphContextVerifier"/>), and the
/// tests compare this writer's header and claims with the library's for the same context.
/// </remarks>
public sealed class SubgraphContextIssuer
{
    // {"alg":"HS256","typ":"childinfo-context+jwt"}, base64url: the same for every token.
    private static readonly byte[] EncodedHeader = Encode(Encoding.UTF8.GetBytes($"{{\"alg\":\"HS256\",\"typ\":\"{SubgraphContextToken.TokenType}\"}}"));
    private static readonly byte[] IssuerMember = Encoding.UTF8.GetBytes($"\"iss\":\"{SubgraphContextToken.Issuer}\",\"iat\":");
    private static readonly byte[] ExpiresMember = ",\"exp\":"u8.ToArray();
    private static readonly byte[] BodyHashMember = Encoding.UTF8.GetBytes($",\"{SubgraphContextClaims.BodyHash}\":\"");

    // The audiences are the supergraph's subgraph names: few. Past this many, each is encoded again per call.
    private const int MaxCachedAudiences = 256;
    private readonly ConcurrentDictionary<string, byte[]> _audiences = new(StringComparer.Ordinal);
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    /// <param name="key">The shared key, 256 bits or more.</param>
    /// <param name="time">The clock <c>iat</c> and <c>exp</c> are read from.</param>
    public SubgraphContextIssuer(byte[] key, TimeProvider? time = null)
    {
        SubgraphContextToken.SigningKey(key); // refuses a key shorter than 256 bits
        _key = key.ToArray();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// What every call of one request signs alike: <paramref name="context"/>'s claims other than the audience, the
    /// body hash and the times. Prepare once per request and sign each call with <see cref="Sign(PreparedSubgraphContext, string, ReadOnlySpan{byte})"/>.
    /// </summary>
    public static PreparedSubgraphContext Prepare(SubgraphContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString(SubgraphContextClaims.User, context.User);
            json.WriteString(SubgraphContextClaims.Role, context.Role);
            json.WriteString(SubgraphContextClaims.Purpose, context.Purpose);
            json.WriteString(SubgraphContextClaims.RequestId, context.RequestId);
            Strings(SubgraphContextClaims.Labels, context.Labels);
            Strings(SubgraphContextClaims.Links, context.Links);
            Optional(SubgraphContextClaims.Justification, context.Justification);
            Optional(SubgraphContextClaims.Scope, context.Scope);
            Optional(SubgraphContextClaims.Rule, context.Rule);
            Optional(SubgraphContextClaims.Organisation, context.Organisation);
            Optional(SubgraphContextClaims.Team, context.Team);
            Optional(SubgraphContextClaims.School, context.School);
            Optional(SubgraphContextClaims.Setting, context.Setting);
            json.WriteEndObject();

            void Strings(string claim, IReadOnlySet<string> values)
            {
                json.WriteStartArray(claim);
                foreach (var value in values.Order(StringComparer.Ordinal))
                {
                    json.WriteStringValue(value);
                }

                json.WriteEndArray();
            }

            void Optional(string claim, string? value)
            {
                if (value is { Length: > 0 })
                {
                    json.WriteString(claim, value);
                }
            }
        }

        // The members alone, without the object's braces: each call's token writes them after its own.
        return new PreparedSubgraphContext(buffer.WrittenSpan[1..^1].ToArray());
    }

    /// <summary>The token for one call of <paramref name="context"/>'s request to <paramref name="audience"/> with <paramref name="body"/>.</summary>
    public string Sign(SubgraphContext context, string audience, ReadOnlySpan<byte> body) => Sign(Prepare(context), audience, body);

    /// <summary>The token for one call of a prepared request to <paramref name="audience"/> with <paramref name="body"/>.</summary>
    public string Sign(PreparedSubgraphContext context, string audience, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentException.ThrowIfNullOrEmpty(audience);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        Span<byte> encodedHash = stackalloc byte[Base64Url.GetEncodedLength(SHA256.HashSizeInBytes)];
        Base64Url.EncodeToUtf8(hash, encodedHash);
        var now = _time.GetUtcNow();
        return Write(context.Members, AudienceMember(audience), encodedHash, now, now + SubgraphContextToken.DefaultLifetime);
    }

    /// <summary>Signs <paramref name="context"/> exactly as given (audience, body hash and times included).</summary>
    public string Create(SubgraphContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var audience = context.Audience is { Length: > 0 } name ? AudienceMember(name) : [];
        var bodyHash = context.BodyHash is { Length: > 0 } bound ? JsonEncodedText.Encode(bound).EncodedUtf8Bytes.ToArray() : [];
        return Write(Prepare(context).Members, audience, bodyHash, context.IssuedAt, context.ExpiresAt);
    }

    /// <summary><c>"aud":"name",</c>, encoded once per subgraph name.</summary>
    private byte[] AudienceMember(string audience)
    {
        if (_audiences.TryGetValue(audience, out var member))
        {
            return member;
        }

        member = [.. "\"aud\":\""u8, .. JsonEncodedText.Encode(audience).EncodedUtf8Bytes, .. "\","u8];
        return _audiences.Count < MaxCachedAudiences ? _audiences.GetOrAdd(audience, member) : member;
    }

    /// <summary>
    /// header.payload.signature, the payload being
    /// <c>{"aud":…,"iss":…,"iat":…,"exp":…,"body_sha256":"…",</c> then the shared members and <c>}</c>.
    /// <paramref name="bodyHash"/> is the hash already as JSON string content (base64url needs no escaping).
    /// </summary>
    private string Write(ReadOnlySpan<byte> members, ReadOnlySpan<byte> audience, ReadOnlySpan<byte> bodyHash, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        const int NumberRoom = 20; // a long's digits
        var payloadLength = 1 + audience.Length + IssuerMember.Length + NumberRoom + ExpiresMember.Length + NumberRoom
            + BodyHashMember.Length + bodyHash.Length + 1 + 1 + members.Length + 1;
        var payload = ArrayPool<byte>.Shared.Rent(payloadLength);
        var encodedPayloadRoom = Base64Url.GetEncodedLength(payloadLength);
        var macRoom = Base64Url.GetEncodedLength(HMACSHA256.HashSizeInBytes);
        var token = ArrayPool<byte>.Shared.Rent(EncodedHeader.Length + 1 + encodedPayloadRoom + 1 + macRoom);
        try
        {
            var length = 0;
            Append(payload, ref length, "{"u8);
            Append(payload, ref length, audience);
            Append(payload, ref length, IssuerMember);
            length += Number(payload.AsSpan(length), issuedAt);
            Append(payload, ref length, ExpiresMember);
            length += Number(payload.AsSpan(length), expiresAt);
            if (!bodyHash.IsEmpty)
            {
                Append(payload, ref length, BodyHashMember);
                Append(payload, ref length, bodyHash);
                Append(payload, ref length, "\""u8);
            }

            if (!members.IsEmpty)
            {
                Append(payload, ref length, ","u8);
                Append(payload, ref length, members);
            }

            Append(payload, ref length, "}"u8);

            var written = 0;
            Append(token, ref written, EncodedHeader);
            Append(token, ref written, "."u8);
            written += Base64Url.EncodeToUtf8(payload.AsSpan(0, length), token.AsSpan(written));
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(_key, token.AsSpan(0, written), mac);
            Append(token, ref written, "."u8);
            written += Base64Url.EncodeToUtf8(mac, token.AsSpan(written));
            return Encoding.ASCII.GetString(token, 0, written);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(payload);
            ArrayPool<byte>.Shared.Return(token);
        }
    }

    private static void Append(byte[] destination, ref int length, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination.AsSpan(length));
        length += bytes.Length;
    }

    /// <summary>A NumericDate (RFC 7519): whole seconds since the epoch, none before it.</summary>
    private static int Number(Span<byte> destination, DateTimeOffset time)
    {
        Utf8Formatter.TryFormat(Math.Max(0, time.ToUnixTimeSeconds()), destination, out var written);
        return written;
    }

    private static byte[] Encode(byte[] bytes)
    {
        var encoded = new byte[Base64Url.GetEncodedLength(bytes.Length)];
        Base64Url.EncodeToUtf8(bytes, encoded);
        return encoded;
    }
}

/// <summary>
/// The claims every subgraph call of one request signs alike, written once (<see cref="SubgraphContextIssuer.Prepare"/>):
/// immutable, safe to share between the request's calls.
/// </summary>
public sealed class PreparedSubgraphContext
{
    internal PreparedSubgraphContext(byte[] members) => Members = members;

    /// <summary>The claims as JSON object members, without the braces.</summary>
    internal byte[] Members { get; }
}
