using System.Diagnostics;
using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Gateway.Hosting;
using ChildInfo.Gateway.Tests.Federation;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Resilience;

/// <summary>
/// One agency stopped (connection refused), failing (HTTP 500) or slow (never answering, with a short request
/// deadline): the joined-up child query still returns the child and every other agency's record; the failed
/// agency's record is null, with an error at its path naming the service.
/// </summary>
public sealed class AgencyOutageTests(GatewayEnvironment environment)
{
    public enum Outage
    {
        Stopped,
        Failing,
        Slow,
    }

    private static readonly Dictionary<string, string> FieldOf = new(StringComparer.Ordinal)
    {
        ["education"] = "pupil",
        ["early-years"] = "earlyYearsChild",
        ["social-care"] = "socialCareChild",
        ["voluntary-sector"] = "vcsParticipant",
    };

    /// <summary>The key the child index holds for each agency's record: all that is left of it when the agency is out.</summary>
    private static readonly Dictionary<string, string> KeyOf = new(StringComparer.Ordinal)
    {
        ["education"] = "upn",
        ["early-years"] = "eyChildId",
        ["social-care"] = "personId",
        ["voluntary-sector"] = "participantId",
    };

    /// <summary>
    /// Short enough for a fast test, long enough for the healthy subgraphs on a busy 2-core machine running other
    /// tests at the same time (300 ms was missed there by the child index itself).
    /// </summary>
    private static readonly SubgraphCallOptions Calls = new() { RequestDeadline = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromSeconds(10) };

    public static TheoryData<string, Outage> Cases()
    {
        var cases = new TheoryData<string, Outage>();
        foreach (var agency in FieldOf.Keys)
        {
            foreach (var outage in Enum.GetValues<Outage>())
            {
                cases.Add(agency, outage);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task JoinedUpChild_OneAgencyOut_ChildAndEveryOtherAgencyStillThere(string agency, Outage outage)
    {
        var childId = ResilientGateway.ChildrenLinkedEverywhere(environment, 1).Single();
        var handler = new FaultHandler();
        await using var gateway = await ResilientGateway.StartDemoAsync(environment, handler, Calls,
            outage == Outage.Stopped ? new Dictionary<string, string> { [agency] = FaultHandler.StoppedUrl() } : null);
        // What every agency says with nothing out, through the test deployment's own gateway.
        var reference = await HttpExchange.PostJsonAsync(environment.Client, environment.GraphQLUrl, new { query = JoinedUpChildTests.JoinedUpQuery, variables = new { id = childId } });
        var healthy = reference.Body.GetProperty("data").GetProperty("child");
        Assert.Equal(JsonValueKind.Object, healthy.GetProperty(FieldOf[agency]).ValueKind);
        // Warm: the first request compiles and plans and opens connections, so the deadline meets only the calls.
        await gateway.QueryAsync(JoinedUpChildTests.JoinedUpQuery, new { id = childId });
        if (outage != Outage.Stopped)
        {
            handler.Faults[agency] = outage == Outage.Failing ? Fault.Failing : Fault.Slow;
        }

        var clock = Stopwatch.StartNew();
        var body = await gateway.QueryAsync(JoinedUpChildTests.JoinedUpQuery, new { id = childId });
        clock.Stop();

        var child = body.GetProperty("data").GetProperty("child");
        Assert.Equal(childId, child.GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(child.GetProperty("forename").GetString()));
        Assert.Equal(4, child.GetProperty("links").GetArrayLength());
        AssertOnlyTheKeyIsLeft(child.GetProperty(FieldOf[agency]), KeyOf[agency]);
        foreach (var (other, field) in FieldOf.Where(f => f.Key != agency))
        {
            Assert.True(JsonElement.DeepEquals(healthy.GetProperty(field), child.GetProperty(field)), $"{field} changed while {agency} was out: {child.GetProperty(field)}");
        }

        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(["child", FieldOf[agency]], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(agency, error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.Equal(outage == Outage.Slow ? ErrorCodes.SubgraphTimeout : ErrorCodes.SubgraphRequestFailed, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"'{agency}'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        // A bound, not a measurement: without the deadline a slow agency would hold the request for ever.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    /// <summary>
    /// The agency's record is null, or (where every field the agency adds is nullable) keeps only the key the child
    /// index gave, every field from the agency null.
    /// </summary>
    private static void AssertOnlyTheKeyIsLeft(JsonElement record, string key)
    {
        if (record.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        Assert.Equal(JsonValueKind.Object, record.ValueKind);
        foreach (var property in record.EnumerateObject().Where(p => p.Name != key))
        {
            Assert.True(property.Value.ValueKind == JsonValueKind.Null, $"{property.Name} came back while its agency was out: {record}");
        }
    }

    [Fact]
    public async Task JoinedUpChild_ChildIndexStopped_ErrorAtChildNamingIt_NoAgencyIsAsked()
    {
        var childId = ResilientGateway.ChildrenLinkedEverywhere(environment, 1).Single();
        var handler = new FaultHandler();
        await using var gateway = await ResilientGateway.StartDemoAsync(environment, handler, Calls, new Dictionary<string, string> { ["child-index"] = FaultHandler.StoppedUrl() });

        var body = await gateway.QueryAsync(JoinedUpChildTests.JoinedUpQuery, new { id = childId });

        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("child").ValueKind);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(["child"], error.GetProperty("path").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("child-index", error.GetProperty("extensions").GetProperty("serviceName").GetString());
        Assert.All(FieldOf.Keys, agency => Assert.Equal(0, handler.CallsTo(agency)));
    }
}
