using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Identity and policies for <c>childinfo serve</c>. The embedded demo runs as Development: it accepts the tokens of
/// <c>childinfo token</c>, signed with a key generated once into its data folder. A supergraph deployment takes
/// identity from the <c>Identity</c> section (<c>Identity:Issuer</c>, <c>Identity:Audience</c>, <c>Identity:Authority</c>
/// or <c>Identity:SigningKeys:0</c>; optionally <c>Identity:MaxTokenLifetime</c>, default 12:00:00) and refuses to
/// start without it. Policies come from <c>ChildInfo:Policies</c> or else the sample set beside the executable.
/// Subgraph calls carry a request context signed with <c>ChildInfo:ContextKey</c> (or a generated key, shared with
/// the demo's subgraphs). Settings come from <see cref="ServeConfiguration"/>.
/// </summary>
public static class ServeSecurity
{
    /// <summary>From the environment and appsettings.json of the working directory (benchmarks and tools).</summary>
    /// <exception cref="ServeConfigurationException">A setting is missing or not usable.</exception>
    public static GatewaySecurityOptions Create(ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var settings = new ServeSettingsLoader(ServeConfiguration.Build(options, TokenCommand.CurrentEnvironment()));
        return Create(options, settings);
    }

    /// <exception cref="ServeConfigurationException">A setting is missing or not usable.</exception>
    public static GatewaySecurityOptions Create(ServeOptions options, ServeSettingsLoader settings)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(settings);
        var configured = settings.Settings;
        var identity = options.SupergraphFile is null
            ? DevelopmentIdentity.Options(DevelopmentIdentity.EnsureKey(options.DataDirectory))
            : settings.Identity;
        return new GatewaySecurityOptions
        {
            Identity = identity,
            PolicyDirectory = configured.Policies is { Length: > 0 } policies ? policies : Path.Combine(AppContext.BaseDirectory, "policies", "sample"),
            ContextSigningKey = configured.ContextKey is { Length: > 0 } key
                ? Convert.FromBase64String(key.Trim())
                // A fresh key, which the embedded demo hands to its in-process subgraphs.
                : System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
            ScopeAuthority = configured.ScopeAuthority is { Length: > 0 } authority ? authority : ScopeAuthorityCheck.DefaultAuthority,
        };
    }
}
