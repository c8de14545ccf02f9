using ChildInfo.Gateway.Identity;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo token --role ROLE</c>: prints a signed development token on its last line, for the embedded demo.
/// Refused outside the Development environment: production tokens come from the identity provider.
/// </summary>
public static class TokenCommand
{
    public static string CurrentEnvironment() =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 } dotnet ? dotnet
        : Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 } aspnet ? aspnet
        : "Production";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, string environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (!string.Equals(environment, "Development", StringComparison.OrdinalIgnoreCase))
        {
            await error.WriteLineAsync($"childinfo: 'token' makes development tokens and runs only in the Development environment (this is '{environment}'). Set DOTNET_ENVIRONMENT=Development for the demo; in production, tokens come from your identity provider.").ConfigureAwait(false);
            return 3;
        }

        var reader = new ArgumentReader("token", args, new HashSet<string> { "role", "user", "org", "team", "school", "setting", "data" }, new HashSet<string>());
        var role = reader.String("role") ?? throw new CommandLineException("'token' needs --role ROLE, for example --role social_worker.");
        var data = reader.String("data") ?? Path.Combine("data", "demo");
        var key = DevelopmentIdentity.EnsureKey(data);
        var token = DevelopmentIdentity.CreateToken(key, new DevelopmentTokenRequest(role, reader.String("user") ?? "dev-" + role)
        {
            Organisation = reader.String("org"),
            Team = reader.String("team"),
            School = reader.String("school"),
            Setting = reader.String("setting"),
        }, DateTimeOffset.UtcNow);
        await output.WriteLineAsync($"Development token for role '{role}' (8 hours; signed with the key in {Path.GetFullPath(data)}):").ConfigureAwait(false);
        await output.WriteLineAsync(token).ConfigureAwait(false);
        return 0;
    }
}
