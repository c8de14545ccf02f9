using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Authorisation;
using ChildInfo.Gateway.Identity;
using ChildInfo.Policies;
using ChildInfo.Policies.Explanation;
using ChildInfo.Policies.Loading;

namespace ChildInfo.Gateway.Cli;

/// <summary>
/// <c>childinfo policy explain --role R --purpose P [--policies DIR] [--supergraph FILE]</c>: prints what the role
/// may see and link for the purpose, and why. Policies default to <c>ChildInfo__Policies</c> or the sample set; the
/// supergraph (whose fields the policies must classify) to the executable's default (the demo's, in the demo; the
/// production host asks for one). Unknown role or purpose exits 2, an invalid
/// policy set exits 1.
/// </summary>
public static class PolicyCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string>? defaultSupergraph, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["explain", ..])
        {
            throw new CommandLineException("'policy' needs a subcommand: policy explain --role ROLE --purpose PURPOSE.");
        }

        var reader = new ArgumentReader("policy explain", args[1..], new HashSet<string> { "role", "purpose", "policies", "supergraph" }, new HashSet<string>());
        var role = reader.String("role") ?? throw new CommandLineException("'policy explain' needs --role ROLE, for example --role social_worker.");
        var purpose = reader.String("purpose") ?? throw new CommandLineException("'policy explain' needs --purpose PURPOSE, for example --purpose child_protection.");
        var directory = reader.String("policies")
            ?? (Environment.GetEnvironmentVariable("ChildInfo__Policies") is { Length: > 0 } configured ? configured : Path.Combine(AppContext.BaseDirectory, "policies", "sample"));
        string sdl;
        if (reader.String("supergraph") is { } file)
        {
            if (!File.Exists(file))
            {
                throw new CommandLineException($"The supergraph file '{file}' does not exist.");
            }

            sdl = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            sdl = defaultSupergraph?.Invoke() ?? throw new CommandLineException("'policy explain' needs --supergraph FILE: the policies classify its fields.");
        }

        SupergraphSchema supergraph;
        try
        {
            supergraph = SupergraphLoader.Load(sdl);
        }
        catch (SupergraphException ex)
        {
            await error.WriteLineAsync($"childinfo: the supergraph cannot be read: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        var loaded = PolicyLoader.LoadDirectory(directory, GatewaySecurity.FieldCoordinates(supergraph));
        if (PolicySetProvider.TryCreate(loaded) is not { } provider)
        {
            await error.WriteLineAsync($"childinfo: the policy set in '{directory}' is not valid:{Environment.NewLine}{loaded.Describe()}").ConfigureAwait(false);
            return 1;
        }

        if (PolicyExplainRequest.Problem(provider.Current, role, purpose) is { } problem)
        {
            throw new CommandLineException(problem);
        }

        await output.WriteAsync(PolicyExplainer.ToText(PolicyExplainRequest.Explain(provider.Current, role, purpose))).ConfigureAwait(false);
        return 0;
    }
}
