using System.Collections.Concurrent;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Revisions;

namespace ChildInfo.Gateway.Registry;

/// <summary>
/// Watches whether each served subgraph answers. A subgraph that stops answering stays in the supergraph (its
/// fields come back null with errors) and is reported here, in <c>/health</c>, the registry list and the log; it is
/// never dropped silently. Two sources: periodic probes, and every subgraph call the gateway makes (passive health,
/// through <see cref="SubgraphCallMonitor"/>), so a call that fails or times out marks its subgraph not answering at
/// once, and the next call or probe that succeeds marks it answering again.
/// </summary>
public sealed partial class SubgraphHealth
{
    private readonly ConcurrentDictionary<string, SubgraphStatus> _status = new(StringComparer.Ordinal);
    private readonly GatewayState _state;
    private readonly HttpClient _client;
    private readonly IReadOnlyDictionary<string, string> _urlOverrides;
    private readonly TimeProvider _time;
    private readonly ILogger<SubgraphHealth> _logger;
    private readonly Lock _gate = new();

    public SubgraphHealth(GatewayState state, HttpClient client, IReadOnlyDictionary<string, string> urlOverrides, TimeProvider time, ILogger<SubgraphHealth> logger, SubgraphCallMonitor? calls = null)
    {
        _state = state;
        _client = client;
        _urlOverrides = urlOverrides;
        _time = time;
        _logger = logger;
        calls?.Subscribe(report =>
        {
            if (_state.Current.Supergraph.FindSubgraph(report.Subgraph) is { } subgraph)
            {
                Record(subgraph, report.Answering, report.Problem);
                if (report.CircuitOpened)
                {
                    LogCircuitOpened(_logger, subgraph.Name, report.Problem!);
                }
            }
        });
    }

    /// <summary>The URL the gateway calls for a subgraph (the demo's in-process URLs replace the supergraph's).</summary>
    public string UrlOf(SubgraphInfo subgraph)
    {
        ArgumentNullException.ThrowIfNull(subgraph);
        return _urlOverrides.TryGetValue(subgraph.Name, out var url) ? url : subgraph.Url;
    }

    /// <summary>The last status of a subgraph, or null before it was first asked.</summary>
    public SubgraphStatus? Of(string name) => _status.TryGetValue(name, out var status) ? status : null;

    /// <summary>Asks every served subgraph once, in parallel, and records what changed.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        var subgraphs = _state.Current.Supergraph.Subgraphs;
        await Task.WhenAll(subgraphs.Select(async subgraph =>
        {
            var answering = await SubgraphProbe.AnswersAsync(_client, UrlOf(subgraph), cancellationToken).ConfigureAwait(false);
            Record(subgraph, answering, answering ? null : "it did not answer a probe");
        })).ConfigureAwait(false);

        foreach (var name in _status.Keys.Except(subgraphs.Select(s => s.Name), StringComparer.Ordinal))
        {
            _status.TryRemove(name, out _);
        }
    }

    private void Record(SubgraphInfo subgraph, bool answering, string? problem)
    {
        SubgraphStatus? previous;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            previous = Of(subgraph.Name);
            _status[subgraph.Name] = new SubgraphStatus(answering, now, previous?.Answering == answering ? previous.Since : now);
        }

        if (previous?.Answering == answering || (previous is null && answering))
        {
            return;
        }

        if (answering)
        {
            LogAnswering(_logger, subgraph.Name, UrlOf(subgraph));
        }
        else
        {
            LogNotAnswering(_logger, subgraph.Name, UrlOf(subgraph), problem ?? "it did not answer");
        }
    }

    [LoggerMessage(EventIds.SubgraphNotAnswering, LogLevel.Warning, "Subgraph '{Name}' at {Url} is not answering ({Problem}): its fields come back null with errors until it does.")]
    private static partial void LogNotAnswering(ILogger logger, string name, string url, string problem);

    [LoggerMessage(EventIds.SubgraphAnswering, LogLevel.Information, "Subgraph '{Name}' at {Url} is answering again.")]
    private static partial void LogAnswering(ILogger logger, string name, string url);

    [LoggerMessage(EventIds.SubgraphCircuitOpened, LogLevel.Warning, "Subgraph '{Name}': {Problem}.")]
    private static partial void LogCircuitOpened(ILogger logger, string name, string problem);
}
