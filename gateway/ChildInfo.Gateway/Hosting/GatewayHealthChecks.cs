using System.Text.Json;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Registry;
using ChildInfo.Gateway.Revisions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ChildInfo.Gateway.Hosting;

/// <summary>
/// ASP.NET Core health checks: <c>/health/live</c> (the process serves requests) and <c>/health/ready</c> (it can do
/// its work: the policy set is loaded, the audit store and the registry store answer, and which subgraphs answer).
/// A subgraph that does not answer makes the gateway Degraded, never Unhealthy: the gateway still serves every
/// other agency's data, and taking every replica out of service because one agency is down would lose them all.
/// <c>/health</c> stays as it was.
/// </summary>
public static class GatewayHealthChecks
{
    private const string Live = "live";
    private const string Ready = "ready";
    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(3);

    public static void Add(IServiceCollection services, GatewayHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Probes ask every few seconds: a subgraph's change of state is logged once by SubgraphHealth, not by each probe.
        services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.Error));
        var checks = services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("Serving requests."), [Live])
            .AddCheck<SubgraphsCheck>("subgraphs", tags: [Ready]);
        if (options.Security is not null)
        {
            checks.AddCheck<PolicySetCheck>("policies", tags: [Ready]);
        }

        if (options.Audit is not null)
        {
            checks.AddCheck<AuditStoreCheck>("audit", tags: [Ready], timeout: StoreTimeout);
        }

        if (options.Registry is not null)
        {
            checks.AddCheck<RegistryStoreCheck>("registry", tags: [Ready], timeout: StoreTimeout);
        }
    }

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Live), ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(http.Response.Body, new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                data = e.Value.Data.Count == 0 ? null : e.Value.Data,
            }),
        }, cancellationToken: http.RequestAborted);
    }

    /// <summary>Which served subgraphs answer, from probes and from the gateway's own calls, with each circuit's state.</summary>
    private sealed class SubgraphsCheck(GatewayState state, SubgraphCallMonitor monitor, IServiceProvider services) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            var health = services.GetService<SubgraphHealth>();
            var subgraphs = new Dictionary<string, object?>(StringComparer.Ordinal);
            var notAnswering = new List<string>();
            foreach (var subgraph in state.Current.Supergraph.Subgraphs)
            {
                var answering = health is not null ? health.Of(subgraph.Name)?.Answering : monitor.LastReport(subgraph.Name)?.Answering;
                var circuit = monitor.CircuitOf(subgraph.Name);
                if (answering == false || circuit == "open")
                {
                    notAnswering.Add(subgraph.Name);
                }

                subgraphs[subgraph.Name] = new { status = answering is null ? "unknown" : answering.Value ? "answering" : "not answering", circuit = circuit ?? "closed" };
            }

            var data = new Dictionary<string, object> { ["notAnswering"] = notAnswering, ["subgraphs"] = subgraphs };
            return Task.FromResult(notAnswering.Count == 0
                ? HealthCheckResult.Healthy("Every subgraph answers, or has not been asked yet.", data)
                : HealthCheckResult.Degraded($"Not answering: {string.Join(", ", notAnswering)}. Their fields come back null with errors; everything else is served.", data: data));
        }
    }

    private sealed class PolicySetCheck(GatewayState state) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(state.Current.Policies is null
                ? HealthCheckResult.Unhealthy("No policy set is loaded.")
                : HealthCheckResult.Healthy("The policy set is loaded."));
    }

    /// <summary>The audit store answers and its tables can be created or are there: no request is answered without it.</summary>
    private sealed class AuditStoreCheck(GatewayAudit audit) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                await audit.Store.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy("The audit store answers.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy("The audit store cannot be written: requests are refused until it can.", ex);
            }
        }
    }

    private sealed class RegistryStoreCheck(SubgraphRegistry registry) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var snapshot = await registry.ReadAsync(cancellationToken).ConfigureAwait(false);
                return HealthCheckResult.Healthy($"The registry store answers ({registry.Store.Description}, revision {snapshot.Revision}).");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return HealthCheckResult.Degraded("The registry store cannot be read: the gateway serves its last revision and cannot take changes.", ex);
            }
        }
    }
}
