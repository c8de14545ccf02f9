using System.Buffers.Text;
using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ChildInfo.Subgraphs.Kit.Hosting.Security;

/// <summary>
/// The signed request context as a compact JWT (RFC 7519) signed with HMAC-SHA256 (<c>alg: HS256</c>) under a key
/// shared by the gateway and its subgraphs. Claims: <c>sub</c>, <c>role</c>, <c>purpose</c>, <c>rid</c>, optional
/// <c>scope</c> and <c>rule</c>, the caller's optional relationship holders (<c>org</c>, <c>team</c>, <c>school_urn</c>,
/// <c>setting_urn</c>), the labels and links the subgraph may serve (<c>labels</c>, <c>links</c>: arrays of strings),
/// <c>iat</c> and <c>exp</c> (seconds since the epoch). Only HS256 is accepted, a
/// context may live at most <see cref="MaxLifetime"/>, and clocks may differ by <see cref="ClockSkew"/>.
/// </summary>
public static class SubgraphContextToken
{
    /// <summary>The HTTP header that carries the token.</summary>
    public const string HeaderName = "ChildInfo-Context";

    /// <summary>Shortest key accepted: 256 bits.</summary>
    public const int MinKeyBytes = 32;

    /// <summary>How long the gateway's contexts live.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(60);

    /// <summary>The longest lifetime (exp − iat) a subgraph accepts.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(5);

    /// <summary>Tolerated difference between the gateway's and the subgraph's clocks.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(5);

    private static readonly byte[] Header = Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}""");

    /// <summary>Signs <paramref name="context"/> (its <c>IssuedAt</c> and <c>ExpiresAt</c> as given).</summary>
    public static string Create(SubgraphContext context, byte[] key)
    {
        ArgumentNullException.ThrowIfNull(context);
        CheckKey(key);
        var payload = new Dictionary<string, object>
        {
            ["sub"] = context.User,
            ["role"] = context.Role,
            ["purpose"] = context.Purpose,
            ["rid"] = context.RequestId,
            ["iat"] = context.IssuedAt.ToUnixTimeSeconds(),
            ["exp"] = context.ExpiresAt.ToUnixTimeSeconds(),
        };
        if (context.Scope is not null)
            payload["scope"] = context.Scope;
        if (context.Rule is not null)
            payload["rule"] = context.Rule;
        foreach (var (claim, value) in Holders(context))
            payload[claim] = value;
        if (context.Labels.Count > 0)
            payload[SubgraphContextClaims.Labels] = context.Labels.Order(StringComparer.Ordinal).ToArray();
        if (context.Links.Count > 0)
            payload[SubgraphContextClaims.Links] = context.Links.Order(StringComparer.Ordinal).ToArray();
        var signingInput = Base64Url.EncodeToString(Header) + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload));
        return signingInput + "." + Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(signingInput)));
    }

    /// <summary>Checks the signature, algorithm, times and required claims; says why when the token is refused.</summary>
    public static SubgraphContextVerification Verify(string? token, byte[] key, DateTimeOffset now)
    {
        CheckKey(key);
        if (string.IsNullOrWhiteSpace(token))
            return SubgraphContextVerification.Refused($"The call carries no {HeaderName} header: subgraphs answer only the gateway.");
        var parts = token.Trim().Split('.');
        if (parts.Length != 3)
            return SubgraphContextVerification.Refused($"The {HeaderName} header is not a compact JWT.");
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            if (!header.RootElement.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "HS256")
                return SubgraphContextVerification.Refused($"The {HeaderName} token must be signed with HS256.");
            var expected = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
            if (!CryptographicOperations.FixedTimeEquals(expected, Base64Url.DecodeFromChars(parts[2])))
                return SubgraphContextVerification.Refused($"The {HeaderName} token's signature is not valid.");
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            return Read(payload.RootElement, now);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return SubgraphContextVerification.Refused($"The {HeaderName} token is malformed.");
        }
    }

    private static SubgraphContextVerification Read(JsonElement claims, DateTimeOffset now)
    {
        if (claims.ValueKind != JsonValueKind.Object)
            return SubgraphContextVerification.Refused($"The {HeaderName} token is malformed.");
        string? Text(string name) => claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
        long? Seconds(string name) => claims.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? n : null;
        if (Seconds("iat") is not { } iat || Seconds("exp") is not { } exp)
            return SubgraphContextVerification.Refused($"The {HeaderName} token has no iat or exp.");
        var issued = DateTimeOffset.FromUnixTimeSeconds(iat);
        var expires = DateTimeOffset.FromUnixTimeSeconds(exp);
        if (expires - issued > MaxLifetime)
            return SubgraphContextVerification.Refused($"The {HeaderName} token lives longer than {MaxLifetime.TotalSeconds:0} seconds.");
        if (now > expires + ClockSkew)
            return SubgraphContextVerification.Refused($"The {HeaderName} token has expired.");
        if (issued > now + ClockSkew)
            return SubgraphContextVerification.Refused($"The {HeaderName} token is issued in the future.");
        if (Texts(claims, SubgraphContextClaims.Labels) is not { } labels || Texts(claims, SubgraphContextClaims.Links) is not { } links)
            return SubgraphContextVerification.Refused($"The {HeaderName} token's labels or links are not arrays of strings.");
        if (Text("sub") is not { } user || Text("role") is not { } role || Text("purpose") is not { } purpose || Text("rid") is not { } requestId)
            return SubgraphContextVerification.Refused($"The {HeaderName} token lacks sub, role, purpose or rid.");
        return SubgraphContextVerification.Accepted(new SubgraphContext(user, role, purpose, requestId)
        {
            Scope = Text("scope"),
            Rule = Text("rule"),
            Organisation = Text(SubgraphContextClaims.Organisation),
            Team = Text(SubgraphContextClaims.Team),
            School = Text(SubgraphContextClaims.School),
            Setting = Text(SubgraphContextClaims.Setting),
            Labels = labels,
            Links = links,
            IssuedAt = issued,
            ExpiresAt = expires,
        });
    }

    /// <summary>
    /// An optional array-of-strings claim as a set (empty when absent); null when it is there but malformed. A plain
    /// hash set: it lives for one call, too short to repay building a frozen one.
    /// </summary>
    private static IReadOnlySet<string>? Texts(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value))
            return FrozenSet<string>.Empty;
        if (value.ValueKind != JsonValueKind.Array)
            return null;
        var items = new HashSet<string>(value.GetArrayLength(), StringComparer.Ordinal);
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } text)
                return null;
            items.Add(text);
        }

        return items;
    }

    private static IEnumerable<(string Claim, string Value)> Holders(SubgraphContext context)
    {
        if (context.Organisation is { Length: > 0 } organisation)
            yield return (SubgraphContextClaims.Organisation, organisation);
        if (context.Team is { Length: > 0 } team)
            yield return (SubgraphContextClaims.Team, team);
        if (context.School is { Length: > 0 } school)
            yield return (SubgraphContextClaims.School, school);
        if (context.Setting is { Length: > 0 } setting)
            yield return (SubgraphContextClaims.Setting, setting);
    }

    private static void CheckKey(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length < MinKeyBytes)
            throw new ArgumentException($"The request context key must be at least {MinKeyBytes} bytes (256 bits).", nameof(key));
    }
}
