using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Identity and policies for <c>childinfo serve</c>. The embedded demo runs as Development: it accepts the tokens of
/// <c>childinfo token</c>, signed with a key generated once into its data folder. A supergraph deployment takes
/// identity from configuration (<c>Identity__Issuer</c>, <c>Identity__Audience</c>, <c>Identity__Authority</c> or
/// <c>Identity__SigningKeys__0</c>) and refuses to start without it. Policies come from <c>ChildInfo__Policies</c>
/// or else the sample set beside the executable.
/// </summary>
public static class ServeSecurity
{
    public static GatewaySecurityOptions Create(ServeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var policies = Environment.GetEnvironmentVariable("ChildInfo__Policies") is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "policies", "sample");
        var identity = options.SupergraphFile is null
            ? DevelopmentIdentity.Options(DevelopmentIdentity.EnsureKey(options.DataDirectory))
            : FromEnvironment();
        return new GatewaySecurityOptions
        {
            Identity = identity,
            PolicyDirectory = policies,
            ContextSigningKey = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32),
        };
    }

    private static IdentityOptions FromEnvironment()
    {
        string? Get(string name) => Environment.GetEnvironmentVariable("Identity__" + name) is { Length: > 0 } v ? v : null;
        var keys = new List<string>();
        for (var i = 0; Get("SigningKeys__" + i) is { } key; i++)
        {
            keys.Add(key);
        }

        return new IdentityOptions
        {
            Issuer = Get("Issuer"),
            Audience = Get("Audience"),
            Authority = Get("Authority"),
            MetadataAddress = Get("MetadataAddress"),
            SigningKeys = keys,
        };
    }
}
