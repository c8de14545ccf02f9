using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Hosting;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// A mutation is never sent twice. A query is tried once more only when its connection could not be made (the
/// subgraph never saw it), and not at all when it failed or timed out once it was sent.
/// </summary>
public sealed class RetryTests
{
    [Fact]
    public async Task ConnectionRefused_QueryTriedTwice_MutationOnce()
    {
        var handler = new FaultHandler();
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(FaultHandler.StoppedUrl()), new Dictionary<string, string>(), handler, new SubgraphCallOptions());

        var query = await gateway.QueryAsync("{ ping }");
        var afterQuery = handler.CallsTo(NotesSubgraph.Name);
        var mutation = await gateway.QueryAsync("mutation { recordNote(text: \"Seen at home\") }");
        var afterMutation = handler.CallsTo(NotesSubgraph.Name);

        Assert.Equal(2, afterQuery);
        Assert.Equal(1, afterMutation - afterQuery);
        Assert.Equal(ErrorCodes.SubgraphRequestFailed, query.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(["recordNote"], mutation.GetProperty("errors")[0].GetProperty("path").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task FailingAnswer_QueryNotRetried()
    {
        var handler = new FaultHandler { Answer = NotesSubgraph.Answer };
        handler.Faults[NotesSubgraph.Name] = Fault.Failing;
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(FaultHandler.StoppedUrl()), new Dictionary<string, string>(), handler, new SubgraphCallOptions());

        await gateway.QueryAsync("{ ping }");

        Assert.Equal(1, handler.CallsTo(NotesSubgraph.Name));
    }

    [Fact]
    public async Task RetriesTurnedOff_ConnectionRefusedQueryTriedOnce()
    {
        var handler = new FaultHandler();
        await using var gateway = await ResilientGateway.StartAsync(NotesSubgraph.Supergraph(FaultHandler.StoppedUrl()), new Dictionary<string, string>(), handler,
            new SubgraphCallOptions { RetryQueriesOnConnectionFailure = false });

        await gateway.QueryAsync("{ ping }");

        Assert.Equal(1, handler.CallsTo(NotesSubgraph.Name));
    }
}
