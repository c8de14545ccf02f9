using System.Collections.Concurrent;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Cli;
using ChildInfo.Gateway.Hosting;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// Watches whether each served subgraph answers. A subgraph that stops answering stays in the supergraph (its
/// fields come back null with errors) and is reported here, in <c>/health</c>, the registry list and the log; it is
/// never dropped silently.
/// </summary>
public sealed partial class SubgraphHealth(GatewayState state, HttpClient client, IReadOnlyDictionary<string, string> urlOverrides, TimeProvider time, ILogger<SubgraphHealth> logger)
{
    private readonly ConcurrentDictionary<string, SubgraphStatus> _status = new(StringComparer.Ordinal);

    /// <summary>The URL the gateway calls for a subgraph (the demo's in-process URLs replace the supergraph's).</summary>
    public string UrlOf(SubgraphInfo subgraph)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        return urlOverrides.TryGetValue(subgraph.Name, out var url) ? url : subgraph.Url;
    }

    /// <summary>The last status of a subgraph, or null before it was first asked.</summary>
    public SubgraphStatus? Of(string name) => _status.TryGetValue(name, out var status) ? status : null;

    /// <summary>Asks every served subgraph once, in parallel, and records what changed.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var subgraphs = state.Current.Supergraph.Subgraphs;
        await Task.WhenAll(subgraphs.Select(async subgraph =>
        {
            var answering = await SubgraphProbe.AnswersAsync(client, UrlOf(subgraph), cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            var previous = Of(subgraph.Name);
            _status[subgraph.Name] = new SubgraphStatus(answering, now, previous?.Answering == answering ? previous.Since : now);
            if (previous?.Answering != answering && !(previous is null && answering))
            {
                if (answering)
                {
                    LogAnswering(logger, subgraph.Name, UrlOf(subgraph));
                }
                else
                {
                    LogNotAnswering(logger, subgraph.Name, UrlOf(subgraph));
                }
            }
        })).ConfigureAwait(false);

        foreach (var name in _status.Keys.Except(subgraphs.Select(s => s.Name), StringComparer.Ordinal))
        {
            _status.TryRemove(name, out _);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Subgraph '{Name}' at {Url} is not answering: its fields come back null with errors until it does.")]
    private static partial void LogNotAnswering(ILogger logger, string name, string url);

    [LoggerMessage(2, LogLevel.Information, "Subgraph '{Name}' at {Url} is answering again.")]
    private static partial void LogAnswering(ILogger logger, string name, string url);
}
