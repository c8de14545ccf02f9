using System.Collections.Concurrent;
using ChildInfo.Gateway.Demo;
using ChildInfo.Gateway.Diagnostics;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace ChildInfo.Gateway.Tests.Diagnostics;

/// <summary>Telemetry settings from configuration, refused naming the setting; spans sent over OTLP where configured.</summary>
public sealed class TelemetrySettingsTests(GatewayEnvironment environment)
{
    [Fact]
    public void From_Configuration_ReadsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChildInfo:Telemetry:OtlpEndpoint"] = "http://collector:4318",
            ["ChildInfo:Telemetry:OtlpProtocol"] = "http/protobuf",
            ["ChildInfo:Telemetry:ServiceName"] = "childinfo-gateway-east",
            ["ChildInfo:Telemetry:MetricsEndpoint"] = "false",
            ["ChildInfo:Telemetry:MetricsAllowedNetworks"] = "10.0.0.0/8, fd00::/8",
            ["ChildInfo:Telemetry:OperationNames:0"] = "SchoolRoll",
            ["ChildInfo:Telemetry:OperationNames:1"] = "MashScreening",
        }).Build();

        var options = TelemetryOptions.From(configuration);

        Assert.Equal(new Uri("http://collector:4318"), options.OtlpEndpoint);
        Assert.Equal("http/protobuf", options.OtlpProtocol);
        Assert.Equal("childinfo-gateway-east", options.ServiceName);
        Assert.False(options.MetricsEndpoint);
        Assert.Equal(["10.0.0.0/8", "fd00::/8"], options.MetricsAllowedNetworks.Select(n => n.ToString()));
        Assert.Equal(["SchoolRoll", "MashScreening"], options.OperationNames);
    }

    [Fact]
    public void From_EmptyConfiguration_NoExportAndMetricsForLoopbackOnly()
    {
        var options = TelemetryOptions.From(new ConfigurationBuilder().Build());

        Assert.Null(options.OtlpEndpoint);
        Assert.False(options.Tracing);
        Assert.True(options.MetricsEndpoint);
        Assert.Empty(options.MetricsAllowedNetworks);
    }

    [Theory]
    [InlineData("OtlpEndpoint", "collector:4317", "OtlpEndpoint is 'collector:4317', which is not an http:// or https:// address")]
    [InlineData("OtlpProtocol", "udp", "OtlpProtocol is 'udp', which is not grpc or http/protobuf")]
    [InlineData("MetricsEndpoint", "yes", "MetricsEndpoint is 'yes', which is not true or false")]
    [InlineData("MetricsAllowedNetworks", "everyone", "MetricsAllowedNetworks is 'everyone', which is not a network in CIDR form")]
    [InlineData("OperationNames", "Child Jane Smith", "OperationNames is 'Child Jane Smith', which is not a GraphQL name")]
    public void From_BadSetting_RefusedNamingIt(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ChildInfo:Telemetry:" + key] = value }).Build();

        var refused = Assert.Throws<TelemetryOptionsException>(() => TelemetryOptions.From(configuration));

        Assert.StartsWith("ChildInfo:Telemetry:" + message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OtlpEndpointConfigured_SpansArePostedToTheCollector()
    {
        var received = new ConcurrentQueue<(string Path, string? ContentType, long Length)>();
        var collectorBuilder = WebApplication.CreateSlimBuilder();
        collectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var collector = collectorBuilder.Build();
        collector.MapPost("/v1/{signal}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            received.Enqueue((http.Request.Path, http.Request.ContentType, body.Length));
            return Results.Ok();
        });
        await collector.StartAsync(TestContext.Current.CancellationToken);
        var collectorUrl = new Uri(collector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await using var gateway = GatewayHost.Create(new GatewayHostOptions
        {
            SupergraphSdl = DemoSupergraph.Load(),
            Urls = "http://127.0.0.1:0",
            SubgraphUrls = environment.SubgraphUrls,
            Telemetry = new TelemetryOptions { OtlpEndpoint = collectorUrl, OtlpProtocol = "http/protobuf" },
        });
        await gateway.StartAsync(TestContext.Current.CancellationToken);
        var url = new Uri(gateway.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/graphql");

        var exchange = await HttpExchange.PostJsonAsync(environment.Client, url, new { query = "{ child(id: \"CH-NONE\") { id } }" });
        Assert.True(gateway.Services.GetRequiredService<TracerProvider>().ForceFlush(10_000));

        Assert.Equal(200, exchange.Status);
        Assert.Contains(received, r => r.Path == "/v1/traces" && r.ContentType == "application/x-protobuf" && r.Length > 100);
        await gateway.StopAsync(TestContext.Current.CancellationToken);
    }
}
