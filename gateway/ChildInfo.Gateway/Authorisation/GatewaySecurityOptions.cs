using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Authorisation;

/// <summary>
/// Identity and policies for the host: bearer tokens are required and every request is bound to a role and purpose.
/// <c>childinfo serve</c> always sets it; a host without it serves everyone (engine tests only).
/// </summary>
public sealed record GatewaySecurityOptions
{
    /// <summary>How bearer tokens are validated.</summary>
    public required IdentityOptions Identity { get; init; }

    /// <summary>The folder of policy files (<c>*.yaml</c>).</summary>
    public required string PolicyDirectory { get; init; }

    /// <summary>The key that signs the request context sent with each subgraph call (HMAC-SHA256, 256 bits or more); null sends none.</summary>
    public byte[]? ContextSigningKey { get; init; }

    /// <summary>
    /// The subgraph that decides record scope (the child index): the only one that may give the gateway keys to another
    /// subgraph's records (<see cref="ScopeAuthorityCheck"/>).
    /// </summary>
    public string ScopeAuthority { get; init; } = ScopeAuthorityCheck.DefaultAuthority;
}
