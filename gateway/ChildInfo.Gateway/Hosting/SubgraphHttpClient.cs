using System.Net;
using ChildInfo.Federation.Transport;
using ChildInfo.Gateway.Diagnostics;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Registry;
using Polly.Timeout;

namespace ChildInfo.Gateway.Hosting;

/// <summary>
/// The HTTP clients the gateway calls subgraphs with. Requests go through Microsoft.Extensions.Http.Resilience's
/// <see cref="ResilienceHandler"/>, with one Polly pipeline per subgraph (by name; by authority for a request that
/// names none): at most one retry, only of a query whose connection could not be made; a circuit breaker that fails
/// calls fast while open; a timeout per attempt. Every call's end is reported to the <see cref="SubgraphCallMonitor"/>
/// (passive health). Probes and SDL fetches use <see cref="Plain"/>, which shares the connections but not the
/// breakers, so a probe can see a subgraph come back while its circuit is open.
/// <para>
/// The handler is built here rather than through <c>IHttpClientFactory</c>: the engine, and the transport and client
/// it holds, exist before the host's service container does (the first revision is built eagerly and revisions built
/// later share the transport), and the factory would recycle a handler the host was given (tests' recording handlers).
/// </para>
/// </summary>
public sealed class SubgraphHttpClient
{
    private SubgraphHttpClient(HttpClient calls, HttpClient plain, SubgraphCallMonitor monitor, SubgraphCallOptions options)
    {
        Calls = calls;
        Plain = plain;
        Monitor = monitor;
        Options = options;
    }

    /// <summary>For GraphQL calls to subgraphs: resilience pipeline, passive health, HTTP/2.</summary>
    public HttpClient Calls { get; }

    /// <summary>For health probes and SDL fetches: the same connections, no breaker or retry.</summary>
    public HttpClient Plain { get; }

    public SubgraphCallMonitor Monitor { get; }

    public SubgraphCallOptions Options { get; }

    /// <summary>
    /// Builds the clients from the host's settings (<see cref="GatewayHostOptions.SubgraphCalls"/>, else the
    /// configuration's <see cref="SubgraphCallOptions.Section"/>) and registers the monitor.
    /// </summary>
    public static SubgraphHttpClient Create(GatewayHostOptions host, IConfiguration configuration, IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(services);
        var options = (host.SubgraphCalls ?? SubgraphCallOptions.From(configuration)).Validated();
        // One pooled handler for every subgraph call; it recycles connections so DNS changes are seen. Redirects are not
        // followed: a call, its body and its signed context go to the subgraph's registered address and nowhere else.
        var primary = host.SubgraphHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), AllowAutoRedirect = false };
        var monitor = new SubgraphCallMonitor(options.Time);
        var pipelines = new ResiliencePipelineRegistry<string>();
        var resilience = new ResilienceHandler(request => pipelines.GetOrAddPipeline<HttpResponseMessage>(KeyOf(request), (builder, context) =>
            Configure(builder, context.PipelineKey, options, monitor)))
        {
            InnerHandler = primary,
        };
        // Like the single client before them, these live as long as the process: the handler may be the host's caller's.
        // A body read whole (rather than streamed through a bound of its own) is held to the bound of a query's answers.
        var calls = new HttpClient(new OutcomeHandler(monitor, options) { InnerHandler = resilience }, disposeHandler: false)
        {
            Timeout = Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = options.MaxAnswerBytes,
        };
        var plain = new HttpClient(primary, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = options.MaxAnswerBytes };
        services.AddSingleton(monitor);
        return new SubgraphHttpClient(calls, plain, monitor, options);
    }

    private static string KeyOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(HttpSubgraphTransport.SubgraphName, out var name) ? name : "url:" + request.RequestUri!.GetLeftPart(UriPartial.Authority);

    /// <summary>A subgraph's name; a call to an address no subgraph is named for counts as <c>unnamed</c>, never by its address.</summary>
    private static string MetricNameOf(string key) => key.StartsWith("url:", StringComparison.Ordinal) ? "unnamed" : key;

    private static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, string subgraph, SubgraphCallOptions options, SubgraphCallMonitor monitor)
    {
        builder.TimeProvider = options.Time;
        if (options.RetryQueriesOnConnectionFailure)
        {
            builder.AddRetry(new HttpRetryStrategyOptions
            {
                // Only a query, and only when no connection could be made: the subgraph never saw the request. A
                // mutation is never sent twice; a timeout or an error answer is not retried (it would only add wait).
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
                    && args.Context.GetRequestMessage() is { } request
                    && request.Options.TryGetValue(HttpSubgraphTransport.IsMutation, out var mutation) && !mutation),
                MaxRetryAttempts = 1,
                Delay = TimeSpan.Zero,
                UseJitter = false,
            });
        }

        var state = new CircuitBreakerStateProvider();
        monitor.TrackCircuit(subgraph, state);
        builder.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumCalls,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            StateProvider = state,
            OnOpened = _ =>
            {
                monitor.Report(subgraph, answering: false, $"its calls keep failing, so they fail fast for {options.BreakDuration.TotalSeconds:0.#} s (circuit open)", circuitOpened: true);
                return ValueTask.CompletedTask;
            },
        });
        builder.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.AttemptTimeout });
    }

    /// <summary>
    /// Outermost: asks for HTTP/2 where it can be had, reports how each call ended, and turns the pipeline's own
    /// exceptions into those the engine knows (timeout, subgraph unavailable).
    /// </summary>
    private sealed class OutcomeHandler(SubgraphCallMonitor monitor, SubgraphCallOptions options) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var subgraph = KeyOf(request);
            if (request.RequestUri!.Scheme == Uri.UriSchemeHttps)
            {
                request.Version = HttpVersion.Version20;
                request.VersionPolicy = HttpVersionPolicy.RequestVersionOrLower;
            }
            else if (options.Http2WithoutTls)
            {
                request.Version = HttpVersion.Version20;
                request.VersionPolicy = HttpVersionPolicy.RequestVersionExact;
            }

            // Cancellation (the client went away, or the request's deadline passed while earlier calls took the time)
            // says nothing about this subgraph, so it is not reported.
            var started = options.Time.GetTimestamp();
            var outcome = SubgraphCallMeasure.Cancelled;
            try
            {
                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                var answering = (int)response.StatusCode < 500;
                outcome = answering ? SubgraphCallMeasure.Ok : SubgraphCallMeasure.Failed;
                monitor.Report(subgraph, answering, answering ? null : $"it answered HTTP {(int)response.StatusCode}");
                return response;
            }
            catch (BrokenCircuitException ex)
            {
                outcome = SubgraphCallMeasure.CircuitOpen;
                monitor.Report(subgraph, answering: false, "its circuit is open");
                throw new SubgraphUnavailableException($"its recent calls failed, so calls to it fail fast for up to {options.BreakDuration.TotalSeconds:0.#} s.", ex);
            }
            catch (TimeoutRejectedException ex)
            {
                outcome = SubgraphCallMeasure.Timeout;
                monitor.Report(subgraph, answering: false, $"it did not answer within {options.AttemptTimeout.TotalMilliseconds:0} ms");
                throw new TimeoutException($"The subgraph did not answer within {options.AttemptTimeout.TotalMilliseconds:0} ms.", ex);
            }
            catch (HttpRequestException ex)
            {
                outcome = ex.HttpRequestError == HttpRequestError.ConnectionError ? SubgraphCallMeasure.Unreachable : SubgraphCallMeasure.Failed;
                monitor.Report(subgraph, answering: false, ex.HttpRequestError == HttpRequestError.ConnectionError ? "it could not be reached" : "the call failed");
                throw;
            }
            finally
            {
                monitor.Measured(MetricNameOf(subgraph), outcome, options.Time.GetElapsedTime(started));
            }
        }
    }
}
