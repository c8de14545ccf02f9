using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// What a command that talks to a running gateway reads from its command line: the gateway (<c>--gateway</c>, default
/// <c>http://127.0.0.1:4000</c>) and the bearer token (<c>--token</c> or <c>CHILDINFO_TOKEN</c>; in Development,
/// without one, a token for the command's role minted from the demo's key in <c>--data</c>).
/// </summary>
public sealed record GatewayClientOptions(Uri Gateway, string Token)
{
    public const string DefaultGateway = "http://127.0.0.1:4000";

    /// <summary>The option names this reads, for the command's <see cref="ArgumentReader"/>.</summary>
    public static readonly string[] ValueOptions = ["gateway", "token", "data", "user"];

    /// <exception cref="CommandLineException">The gateway is not a URL, or no token is given outside Development.</exception>
    public static GatewayClientOptions Read(ArgumentReader reader, string command, string role, string environment)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var gateway = (reader.String("gateway") ?? DefaultGateway).TrimEnd('/');
        if (!Uri.TryCreate(gateway, UriKind.Absolute, out var gatewayUri))
        {
            throw new CommandLineException($"--gateway '{gateway}' is not an absolute URL.");
        }

        var token = reader.String("token") ?? (Environment.GetEnvironmentVariable("CHILDINFO_TOKEN") is { Length: > 0 } t ? t : null);
        if (token is null)
        {
            if (!string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
            {
                throw new CommandLineException($"'{command}' needs --token (a bearer token with the role {role}) outside the Development environment.");
            }

            var key = DevelopmentIdentity.EnsureKey(reader.String("data") ?? Path.Combine("data", "demo"));
            token = DevelopmentIdentity.CreateToken(key, new DevelopmentTokenRequest(role, reader.String("user") ?? "dev-" + role), DateTimeOffset.UtcNow);
        }

        return new GatewayClientOptions(gatewayUri, token);
    }
}
