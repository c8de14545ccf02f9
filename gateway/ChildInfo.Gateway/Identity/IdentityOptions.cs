namespace ChildInfo.Gateway.Identity;

/// <summary>
/// How bearer tokens are validated (configuration section <c>Identity</c>): an OIDC authority whose discovery document
/// and JWKS give the signing keys, or signing keys given directly. Issuer and audience are always checked.
/// </summary>
public sealed record IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>The expected <c>iss</c>.</summary>
    public string? Issuer { get; init; }

    /// <summary>The expected <c>aud</c>.</summary>
    public string? Audience { get; init; }

    /// <summary>An OIDC authority (its <c>/.well-known/openid-configuration</c> names the JWKS).</summary>
    public string? Authority { get; init; }

    /// <summary>A metadata address other than the authority's well-known one.</summary>
    public string? MetadataAddress { get; init; }

    /// <summary>Symmetric signing keys (base64, at least 256 bits), for deployments without an authority.</summary>
    public IReadOnlyList<string> SigningKeys { get; init; } = [];

    /// <summary>The longest a token is trusted unless configured otherwise: one long working day.</summary>
    public static readonly TimeSpan DefaultMaxTokenLifetime = TimeSpan.FromHours(12);

    /// <summary>
    /// The longest a bearer token may be valid, from issue to expiry (and from now to expiry); longer tokens are refused
    /// with 401 (<see cref="TokenLifetime"/>).
    /// </summary>
    public TimeSpan MaxTokenLifetime { get; init; } = DefaultMaxTokenLifetime;

    /// <summary>Allowed clock difference when checking expiry.</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>True when tokens can be validated at all.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Issuer) && !string.IsNullOrWhiteSpace(Audience)
        && (!string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(MetadataAddress) || SigningKeys.Count > 0);
}
