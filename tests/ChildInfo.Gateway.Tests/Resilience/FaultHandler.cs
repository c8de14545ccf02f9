using System.Collections.Concurrent;
using System.Net;
using System.Text;
using ChildInfo.Federation.Transport;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>What a subgraph does to the gateway's calls.</summary>
public enum Fault
{
    None,

    /// <summary>Answers HTTP 500 with a plain-text body.</summary>
    Failing,

    /// <summary>Never answers: the call waits until it is cancelled.</summary>
    Slow,
}

/// <summary>
/// The gateway's subgraph handler in resilience tests: counts every call to each subgraph (by the name the gateway's
/// transport puts on the request) and plays the fault set for that subgraph; other calls (probes, SDL fetches) and
/// calls to a healthy subgraph go on to the network, or to <see cref="Answer"/> when set.
/// </summary>
public sealed class FaultHandler() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, Fault> Faults { get; } = new(StringComparer.Ordinal);

    /// <summary>Answers healthy calls itself (a subgraph with no server); null sends them on.</summary>
    public Func<HttpRequestMessage, HttpResponseMessage>? Answer { get; init; }

    public int CallsTo(string subgraph) => _calls.GetValueOrDefault(subgraph);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(HttpSubgraphTransport.SubgraphName, out var subgraph))
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        _calls.AddOrUpdate(subgraph, 1, (_, n) => n + 1);
        switch (Faults.GetValueOrDefault(subgraph))
        {
            case Fault.Failing:
                return new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StringContent("down", Encoding.UTF8, "text/plain"), RequestMessage = request };
            case Fault.Slow:
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                break;
        }

        return Answer?.Invoke(request) ?? await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A loopback URL nothing listens on: calls to it are refused at once.</summary>
    public static string StoppedUrl()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/graphql";
    }
}
