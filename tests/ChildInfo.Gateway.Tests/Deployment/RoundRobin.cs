using System.Collections.Concurrent;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChildInfo.Gateway.Tests.Deployment;

/// <summary>
/// A small round-robin load balancer on loopback in front of gateway replicas, doing what a cluster's Service or an
/// ingress does: each request goes to the next replica in rotation. A replica that refuses the connection (the request
/// never reached it, so trying the next one is safe) is taken out of rotation at once, as a balancer's passive check
/// does, and put back by <see cref="Restore"/> once the test has seen it ready, as a readiness probe would. Any other
/// failure of a forwarded request is answered 502 and kept in <see cref="Failures"/> with the replica it was on.
/// </summary>
internal sealed class RoundRobin : IAsyncDisposable
{
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Transfer-Encoding", "Keep-Alive", "Content-Length" };

    private readonly Uri?[] _replicas;
    private readonly long[] _answered;
    private readonly ConcurrentDictionary<long, int> _inFlight = new();
    private readonly ConcurrentQueue<FailedForward> _failures = new();
    private readonly HttpClient _client = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, AllowAutoRedirect = false, UseCookies = false })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private WebApplication _app = null!;
    private long _next;
    private long _sequence;

    private RoundRobin(IReadOnlyList<Uri> replicas)
    {
        _replicas = [.. replicas];
        _answered = new long[replicas.Count];
    }

    /// <summary>Where clients send their requests.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>The number of the last request forwarded: requests are numbered as they are sent to a replica.</summary>
    public long Sequence => Interlocked.Read(ref _sequence);

    public IReadOnlyList<FailedForward> Failures => [.. _failures];

    public static async Task<RoundRobin> StartAsync(IReadOnlyList<Uri> replicas)
    {
        var balancer = new RoundRobin(replicas);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        balancer._app = builder.Build();
        balancer._app.Run(balancer.ForwardAsync);
        await balancer._app.StartAsync().ConfigureAwait(false);
        balancer.Url = new Uri(balancer._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
        return balancer;
    }

    /// <summary>The requests forwarded to <paramref name="replica"/> and not yet answered.</summary>
    public IReadOnlySet<long> InFlightOn(int replica) => _inFlight.Where(f => f.Value == replica).Select(f => f.Key).ToHashSet();

    /// <summary>Whether <paramref name="replica"/> is in rotation.</summary>
    public bool InRotation(int replica) => Volatile.Read(ref _replicas[replica]) is not null;

    /// <summary>Answers <paramref name="replica"/> has given through the balancer.</summary>
    public long AnsweredBy(int replica) => Interlocked.Read(ref _answered[replica]);

    /// <summary>Puts a replica (back) in rotation at <paramref name="url"/>.</summary>
    public void Restore(int replica, Uri url) => Volatile.Write(ref _replicas[replica], url);

    private async Task ForwardAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();
        for (var attempt = 0; attempt < _replicas.Length; attempt++)
        {
            if (Next() is not ({ } replica, { } url))
            {
                break;
            }

            var id = Interlocked.Increment(ref _sequence);
            _inFlight[id] = replica;
            try
            {
                using var request = Copy(http.Request, new Uri(url, http.Request.Path.Value!.TrimStart('/') + http.Request.QueryString), body);
                using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseContentRead, http.RequestAborted).ConfigureAwait(false);
                var answer = await response.Content.ReadAsByteArrayAsync(http.RequestAborted).ConfigureAwait(false);
                Interlocked.Increment(ref _answered[replica]);
                http.Response.StatusCode = (int)response.StatusCode;
                foreach (var header in response.Headers.Concat(response.Content.Headers).Where(h => !HopByHop.Contains(h.Key)))
                {
                    http.Response.Headers[header.Key] = header.Value.ToArray();
                }

                await http.Response.Body.WriteAsync(answer, http.RequestAborted).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException ex) when (ex.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
            {
                // Nothing listens there: the request never reached the replica. Out of rotation, and on to the next.
                Interlocked.CompareExchange(ref _replicas[replica], null, url);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !http.RequestAborted.IsCancellationRequested))
            {
                _failures.Enqueue(new FailedForward(id, replica, ex.GetType().Name + ": " + ex.Message));
                http.Response.StatusCode = StatusCodes.Status502BadGateway;
                return;
            }
            finally
            {
                _inFlight.TryRemove(id, out _);
            }
        }

        _failures.Enqueue(new FailedForward(0, -1, "no replica in rotation"));
        http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }

    private (int Replica, Uri Url)? Next()
    {
        for (var i = 0; i < _replicas.Length; i++)
        {
            var replica = (int)((Interlocked.Increment(ref _next) - 1) % _replicas.Length);
            if (Volatile.Read(ref _replicas[replica]) is { } url)
            {
                return (replica, url);
            }
        }

        return null;
    }

    private static HttpRequestMessage Copy(HttpRequest from, Uri to, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(from.Method), to);
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(body);
        }

        foreach (var header in from.Headers.Where(h => !HopByHop.Contains(h.Key)))
        {
            if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _client.Dispose();
    }

    /// <summary>A request forwarded to <see cref="Replica"/> (request number <see cref="Id"/>) that got no answer from it.</summary>
    internal sealed record FailedForward(long Id, int Replica, string Problem);
}
