using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// Identity and policies for <c>childinfo serve</c>. The embedded demo runs as Development: it accepts the tokens of
/// <c>childinfo token</c>, signed with a key generated once into its data folder. A supergraph deployment takes
/// identity from configuration (<c>Identity__Issuer</c>, <c>Identity__Audience</c>, <c>Identity__Authority</c> or
/// <c>Identity__SigningKeys__0</c>; optionally <c>Identity__MaxTokenLifetime</c>, default 12:00:00) and refuses to
/// start without it. Policies come from <c>ChildInfo__Policies</c>
/// or else the sample set beside the executable. Subgraph calls carry a request context signed with
/// <c>ChildInfo__ContextKey</c> (or a generated key, shared with the demo's subgraphs).
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
            ContextSigningKey = ContextKey(),
        };
    }

    /// <summary>
    /// The key that signs each subgraph call's request context: <c>ChildInfo__ContextKey</c> (base64, 256 bits or more,
    /// the same as each subgraph's <c>Subgraph__ContextKey</c>) or else a fresh one, which the embedded demo hands
    /// to its in-process subgraphs.
    /// </summary>
    private static byte[] ContextKey()
    {
        if (Environment.GetEnvironmentVariable("ChildInfo__ContextKey") is not { Length: > 0 } configured)
        {
            return System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);
        }

        try
        {
            return Convert.FromBase64String(configured);
        }
        catch (FormatException)
        {
            throw new InvalidOperationException("Identity: ChildInfo__ContextKey is not base64.");
        }
    }

    private static IdentityOptions FromEnvironment()
    {
        string? Get(string name) => Environment.GetEnvironmentVariable("Identity__" + name) is { Length: > 0 } v ? v : null;
        var keys = new List<string>();
        for (var i = 0; Get("SigningKeys__" + i) is { } key; i++)
        {
            keys.Add(key);
        }

        var maxLifetime = IdentityOptions.DefaultMaxTokenLifetime;
        if (Get("MaxTokenLifetime") is { } configured
            && (!TimeSpan.TryParse(configured, System.Globalization.CultureInfo.InvariantCulture, out maxLifetime) || maxLifetime <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"Identity: Identity__MaxTokenLifetime '{configured}' is not a positive time span (for example 12:00:00).");
        }

        return new IdentityOptions
        {
            Issuer = Get("Issuer"),
            Audience = Get("Audience"),
            Authority = Get("Authority"),
            MetadataAddress = Get("MetadataAddress"),
            SigningKeys = keys,
            MaxTokenLifetime = maxLifetime,
        };
    }
}
