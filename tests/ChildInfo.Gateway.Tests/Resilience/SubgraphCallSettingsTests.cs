using ChildInfo.Gateway.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>Subgraph call settings from configuration, refused when out of range; HTTP/2 over plain HTTP only when asked.</summary>
public sealed class SubgraphCallSettingsTests
{
    [Fact]
    public void From_Configuration_ReadsEverySetting()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ChildInfo:SubgraphCalls:RequestDeadline"] = "00:00:02",
            ["ChildInfo:SubgraphCalls:AttemptTimeout"] = "00:00:01.500",
            ["ChildInfo:SubgraphCalls:BreakerMinimumCalls"] = "8",
            ["ChildInfo:SubgraphCalls:BreakerFailureRatio"] = "0.75",
            ["ChildInfo:SubgraphCalls:BreakerSamplingDuration"] = "00:01:00",
            ["ChildInfo:SubgraphCalls:BreakDuration"] = "00:00:20",
            ["ChildInfo:SubgraphCalls:RetryQueriesOnConnectionFailure"] = "false",
            ["ChildInfo:SubgraphCalls:Http2WithoutTls"] = "true",
            ["ChildInfo:SubgraphCalls:MaxAnswerBytes"] = "2097152",
        }).Build();

        var options = SubgraphCallOptions.From(configuration);

        Assert.Equal(TimeSpan.FromSeconds(2), options.RequestDeadline);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), options.AttemptTimeout);
        Assert.Equal(8, options.BreakerMinimumCalls);
        Assert.Equal(0.75, options.BreakerFailureRatio);
        Assert.Equal(TimeSpan.FromMinutes(1), options.BreakerSamplingDuration);
        Assert.Equal(TimeSpan.FromSeconds(20), options.BreakDuration);
        Assert.False(options.RetryQueriesOnConnectionFailure);
        Assert.True(options.Http2WithoutTls);
        Assert.Equal(2L * 1024 * 1024, options.MaxAnswerBytes);
    }

    [Fact]
    public void From_EmptyConfiguration_Defaults()
    {
        var options = SubgraphCallOptions.From(new ConfigurationBuilder().Build());

        Assert.Equal(new SubgraphCallOptions(), options);
        Assert.Equal(TimeSpan.FromSeconds(5), options.RequestDeadline);
    }

    [Theory]
    [InlineData("RequestDeadline", "soon", "is 'soon', which is not a duration such as 00:00:05")]
    [InlineData("RequestDeadline", "00:00:00", "RequestDeadline must be longer than zero")]
    [InlineData("BreakerMinimumCalls", "1", "BreakerMinimumCalls must be at least 2")]
    [InlineData("BreakerFailureRatio", "1.5", "BreakerFailureRatio must be more than 0 and at most 1")]
    [InlineData("BreakDuration", "00:00:00.100", "BreakDuration must be between 500 ms and one day")]
    [InlineData("Http2WithoutTls", "yes", "is 'yes', which is not a true or false")]
    [InlineData("MaxAnswerBytes", "16MB", "is '16MB', which is not a number")]
    [InlineData("MaxAnswerBytes", "100", "MaxAnswerBytes must be between 1024 and 1073741824 bytes")]
    public void From_BadSetting_RefusedNamingIt(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ChildInfo:SubgraphCalls:" + key] = value }).Build();

        var error = Assert.Throws<SubgraphCallOptionsException>(() => SubgraphCallOptions.From(configuration));

        Assert.Contains("ChildInfo:SubgraphCalls:" + key, error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, HttpProtocols.Http1, "HTTP/1.1")]
    [InlineData(true, HttpProtocols.Http2, "HTTP/2")]
    public async Task PlainHttpSubgraph_Http2OnlyWhenConfigured(bool http2WithoutTls, HttpProtocols served, string expected)
    {
        await using var subgraph = await ProtocolEchoAsync(served);
        var url = LoopbackSubgraph.UrlOf(subgraph);
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(url), new Dictionary<string, string>(), new FaultHandler(),
            new SubgraphCallOptions { Http2WithoutTls = http2WithoutTls });

        var body = await gateway.QueryAsync("{ ping }");

        Assert.Equal(expected, body.GetProperty("data").GetProperty("ping").GetString());
    }

    /// <summary>A subgraph that answers <c>ping</c> with the HTTP version the call arrived in.</summary>
    private static Task<WebApplication> ProtocolEchoAsync(HttpProtocols protocols) =>
        LoopbackSubgraph.StartAsync((HttpContext http) => Results.Json(new { data = new { ping = http.Request.Protocol } }), protocols);
}
