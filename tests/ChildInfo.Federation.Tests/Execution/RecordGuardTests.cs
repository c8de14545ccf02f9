using ChildInfo.Federation.Access;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Execution;

/// <summary>The record guard hook, over the <c>record-guard</c> conformance feature's in-process subgraphs.</summary>
public sealed class RecordGuardTests
{
    private const string Query = "{ people { name file { title notes worker { name } } } }";
    private static readonly Dictionary<string, string> FileFlags = new() { ["File"] = "flags { code scope }" };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Execute_GuardFields_TravelInTheRecordsOwnCallAndNeverReachTheClient()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("record-guard");
        var guard = new FlagGuard(FileFlags);

        var result = await RunAsync(gateway, guard, Query);

        var filesCall = Assert.Single(transport.Bodies, b => b.StartsWith("files ", StringComparison.Ordinal));
        Assert.Contains("flags{code scope}", filesCall, StringComparison.Ordinal);
        Assert.Contains("title", filesCall, StringComparison.Ordinal);
        var data = System.Text.Encoding.UTF8.GetString(result.DataJson.Span);
        Assert.DoesNotContain("flags", result.ToJson(), StringComparison.Ordinal);
        Assert.DoesNotContain("HIDE_", data, StringComparison.Ordinal);
        Assert.Equal(4, guard.Inspected.Count);
        Assert.All(guard.Inspected, r => Assert.Equal("File", r.TypeName));
        Assert.Equal(["people", 1, "file"], guard.Inspected.Single(r => r.Fields.GetProperty("flags").GetArrayLength() == 1
            && r.Fields.GetProperty("flags")[0].GetProperty("code").GetString() == "HIDE_NOTES").Path);
    }

    [Fact]
    public async Task Execute_WithheldFieldAndRecord_AreNullWithErrorsAndTheirValuesNeverLeave()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("record-guard");

        var result = await RunAsync(gateway, new FlagGuard(FileFlags), Query);

        var json = result.ToJson();
        Assert.DoesNotContain("private note", json, StringComparison.Ordinal);
        Assert.DoesNotContain("f3 withheld", json, StringComparison.Ordinal);
        Assert.Contains(result.Errors, e => e.Code == FlagGuard.Code && e.Path!.SequenceEqual(["people", 1, "file", "notes"]));
        Assert.Contains(result.Errors, e => e.Code == FlagGuard.Code && e.Path!.SequenceEqual(["people", 2, "file"]));
        Assert.Contains(result.Withheld, w => w.Decision.Coordinate == "File.notes" && w.Count == 1);
        Assert.Contains(result.Withheld, w => w.Decision.Coordinate == "Person.file" && w.Count == 1);

        // The withheld record's worker was never asked for: its key went nowhere.
        var staffCall = Assert.Single(transport.Bodies, b => b.StartsWith("staff ", StringComparison.Ordinal));
        Assert.DoesNotContain("w3", staffCall, StringComparison.Ordinal);
        Assert.Contains("w4", staffCall, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_Notices_AreInTheExtensionsAndOnTheResult()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("record-guard");

        var result = await RunAsync(gateway, new FlagGuard(FileFlags), Query);

        var notice = Assert.Single(result.Notices);
        Assert.Equal("flagNotices", notice.Extension);
        Assert.Equal("NOTE_SHOWN", notice.Entry.GetProperty("code").GetString());
        Assert.Equal(1, result.Extensions!["flagNotices"].GetArrayLength());
    }

    [Fact]
    public async Task Prepare_GuardFields_ArePlannedPerScopeKeyAndAbsentWithoutAGuard()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("record-guard");
        var request = new GatewayRequest(Query);

        var plain = await gateway.PrepareAsync(request, "plain", AllowAllFields.Instance, Token);
        var guarded = await gateway.PrepareAsync(request, "guarded", new GuardedAllowAll(new FlagGuard(FileFlags)), Token);
        var unscoped = await gateway.PrepareAsync(request, null, Token);
        var guardedAgain = await gateway.PrepareAsync(request, "guarded", new GuardedAllowAll(new FlagGuard(FileFlags)), Token);

        Assert.DoesNotContain("flags", plain.Operation!.PlanText, StringComparison.Ordinal);
        Assert.Equal(unscoped.Operation!.PlanText, plain.Operation.PlanText);
        Assert.Contains("flags", guarded.Operation!.PlanText, StringComparison.Ordinal);
        Assert.Same(guarded.Operation.Plan, guardedAgain.Operation!.Plan);
    }

    [Fact]
    public async Task Execute_GuardFieldsCallFails_GuardIsToldNothingArrived()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("record-guard");
        transport.Failing.Add("files");
        var guard = new FlagGuard(FileFlags);

        var result = await RunAsync(gateway, guard, Query);

        Assert.Equal(4, guard.Inspected.Count);
        Assert.All(guard.Inspected, r => Assert.False(r.Answered));
        Assert.Contains(result.Errors, e => e.Code == "GUARD_FIELDS_MISSING");
        Assert.DoesNotContain(transport.Bodies, b => b.StartsWith("staff ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_GuardFieldsArrive_GuardIsToldTheRecordAnswered()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("record-guard");
        var guard = new FlagGuard(FileFlags);

        await RunAsync(gateway, guard, Query);

        Assert.All(guard.Inspected, r => Assert.True(r.Answered));
        Assert.All(guard.Inspected, r => Assert.Equal(["title", "notes", "worker"], r.Selected));
    }

    [Fact]
    public async Task Prepare_GuardFieldsNoSubgraphResolves_FailsPlanningClearly()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("record-guard");

        var prepared = await gateway.PrepareAsync(new GatewayRequest(Query), "broken", new GuardedAllowAll(new FlagGuard(new Dictionary<string, string> { ["File"] = "nothing" })), Token);

        Assert.False(prepared.Succeeded);
        Assert.Contains("nothing", Assert.Single(prepared.Error!.Errors).Message, StringComparison.Ordinal);
    }

    private static async Task<GatewayResult> RunAsync(FederationEngine gateway, IRecordGuard guard, string query)
    {
        var prepared = await gateway.PrepareAsync(new GatewayRequest(query), GuardedAllowAll.ScopeKey, new GuardedAllowAll(guard), Token);
        Assert.True(prepared.Succeeded, prepared.Error?.ToJson());
        return await gateway.ExecuteAsync(prepared.Operation!, Token);
    }
}
