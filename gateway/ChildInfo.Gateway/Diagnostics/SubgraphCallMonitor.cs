using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace ChildInfo.Gateway.Diagnostics;

/// <summary>What one subgraph call said about its subgraph: answering or not, and why not.</summary>
/// <param name="CircuitOpened">The report is of the subgraph's circuit breaker opening: its calls now fail fast.</param>
public sealed record SubgraphCallReport(string Subgraph, bool Answering, string? Problem, DateTimeOffset At, bool CircuitOpened = false);

/// <summary>
/// What the gateway's own subgraph calls say about each subgraph (passive health) and the state of each subgraph's
/// circuit breaker. Calls report here as they end; <see cref="Registry.SubgraphHealth"/> listens, so a subgraph that
/// fails or times out is not answering at once and answering again as soon as a call to it succeeds.
/// </summary>
public sealed class SubgraphCallMonitor
{
    private readonly ConcurrentDictionary<string, SubgraphCallReport> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _circuits = new(StringComparer.Ordinal);
    private readonly List<Action<SubgraphCallReport>> _listeners = [];
    private readonly List<Action<SubgraphCallMeasure>> _measures = [];
    private readonly Lock _gate = new();

    public SubgraphCallMonitor(TimeProvider time)
    {
        Time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public TimeProvider Time { get; }

    /// <summary>Calls <paramref name="listener"/> with every report from now on.</summary>
    public void Subscribe(Action<SubgraphCallReport> listener)
    {
        lock (_gate)
        {
            _listeners.Add(listener);
        }
    }

    /// <summary>Calls <paramref name="listener"/> with the outcome and duration of every call from now on (metrics).</summary>
    public void SubscribeCalls(Action<SubgraphCallMeasure> listener)
    {
        lock (_gate)
        {
            _measures.Add(listener);
        }
    }

    /// <summary>Every subgraph called so far, with the state of its circuit breaker.</summary>
    public IEnumerable<(string Subgraph, string State)> Circuits =>
        _circuits.Keys.Select(subgraph => (subgraph, CircuitOf(subgraph)!));

    /// <summary>The last call's report for a subgraph, or null before one ended.</summary>
    public SubgraphCallReport? LastReport(string subgraph) => _last.GetValueOrDefault(subgraph);

    /// <summary>The state of a subgraph's circuit breaker (<c>closed</c>, <c>open</c>, <c>half-open</c>), or null before it was first called.</summary>
    public string? CircuitOf(string subgraph) => _circuits.TryGetValue(subgraph, out var provider)
        ? provider.CircuitState switch
        {
            CircuitState.Closed => "closed",
            CircuitState.Open or CircuitState.Isolated => "open",
            _ => "half-open",
        }
        : null;

    internal void TrackCircuit(string subgraph, CircuitBreakerStateProvider provider) => _circuits[subgraph] = provider;

    internal void Measured(string subgraph, string outcome, TimeSpan duration)
    {
        var measure = new SubgraphCallMeasure(subgraph, outcome, duration);
        Action<SubgraphCallMeasure>[] listeners;
        lock (_gate)
        {
            listeners = [.. _measures];
        }

        foreach (var listener in listeners)
        {
            listener(measure);
        }
    }

    internal void Report(string subgraph, bool answering, string? problem, bool circuitOpened = false)
    {
        var report = new SubgraphCallReport(subgraph, answering, problem, Time.GetUtcNow(), circuitOpened);
        _last[subgraph] = report;
        Action<SubgraphCallReport>[] listeners;
        lock (_gate)
        {
            listeners = [.. _listeners];
        }

        foreach (var listener in listeners)
        {
            listener(report);
        }
    }
}
