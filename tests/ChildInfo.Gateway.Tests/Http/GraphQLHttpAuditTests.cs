using System.Text.Json;
using ChildInfo.Gateway.Tests.Support;

namespace ChildInfo.Gateway.Tests.Http;

/// <summary>The graphql-http package's server audits (GraphQL over HTTP conformance) against the running gateway.</summary>
public sealed class GraphQLHttpAuditTests(GatewayEnvironment environment)
{
    [Fact]
    public async Task ServerAudits_AgainstGateway_EveryMustPasses()
    {
        var (exitCode, output, error) = await NodeTool.RunAsync("graphql-http", "graphql-http", "audit.mjs", environment.GraphQLUrl.ToString());

        var results = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
        Assert.True(results.Count > 40, $"The audit ran only {results.Count} checks. stderr: {error}");
        var failedMusts = results.Where(r => r.GetProperty("status").GetString() == "error")
            .Select(r => $"{r.GetProperty("name").GetString()}: {r.GetProperty("reason")}").ToList();
        Assert.True(failedMusts.Count == 0, "MUST audits failed:\n" + string.Join('\n', failedMusts));
        Assert.Equal(0, exitCode);
    }

    [Fact]
    public async Task ServerAudits_AgainstGateway_ShouldsPassToo()
    {
        var (_, output, _) = await NodeTool.RunAsync("graphql-http", "graphql-http", "audit.mjs", environment.GraphQLUrl.ToString());

        var warnings = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())
            .Where(r => r.GetProperty("status").GetString() == "warn")
            .Select(r => $"{r.GetProperty("name").GetString()}: {r.GetProperty("reason")}").ToList();
        Assert.True(warnings.Count == 0, "SHOULD/MAY audits failed:\n" + string.Join('\n', warnings));
    }
}
