using System.Runtime.CompilerServices;
using System.Text.Json;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// A data-driven conformance case: <c>Conformance/&lt;feature&gt;/&lt;case&gt;/</c> holds <c>operation.graphql</c>,
/// optional <c>variables.json</c> and <c>options.json</c>, and the expectations <c>plan.txt</c>,
/// <c>response.json</c> and optional <c>calls.txt</c>; the feature folder holds <c>supergraph.graphql</c> (or <c>uses.txt</c> naming the feature whose subgraphs it shares),
/// <c>subgraphs/*.graphql</c> and <c>data/*.json</c>. Set <c>UPDATE_CONFORMANCE=1</c> to write the actual results as
/// the expectations (then review them). After editing a feature's subgraphs, regenerate its supergraph with Apollo's
/// composition: <c>npm ci --prefix tests/tools/composition</c>, then
/// <c>node tests/tools/composition/compose.mjs --features tests/ChildInfo.Federation.Tests/Conformance</c>.
/// </summary>
internal static class ConformanceCase
{
    public static string SourceRoot([CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(path)!)!, "Conformance");

    public static string Root => Path.Combine(AppContext.BaseDirectory, "Conformance");

    public static IEnumerable<string> All()
    {
        foreach (var feature in Directory.GetDirectories(Root).OrderBy(d => d, StringComparer.Ordinal))
        {
            foreach (var caseDir in Directory.GetDirectories(feature).OrderBy(d => d, StringComparer.Ordinal))
            {
                if (File.Exists(Path.Combine(caseDir, "operation.graphql")))
                {
                    yield return Path.GetRelativePath(Root, caseDir).Replace('\\', '/');
                }
            }
        }
    }

    public static (FederationEngine Gateway, InProcessTransport Transport) LoadFeature(string feature, FederationEngineOptions? options = null)
    {
        var counter = 0;
        var transport = new InProcessTransport(CannedSubgraphs(feature, () => Interlocked.Increment(ref counter)));
        var gateway = FederationEngine.Create(SupergraphSdl(feature), transport, options);
        return (gateway, transport);
    }

    /// <summary>The folder holding the feature's supergraph, subgraphs and data (its own, or the one its <c>uses.txt</c> names).</summary>
    public static string FeatureDirectory(string feature)
    {
        var dir = Path.Combine(Root, feature);
        var uses = Path.Combine(dir, "uses.txt");
        return File.Exists(uses) ? Path.Combine(Root, File.ReadAllText(uses).Trim()) : dir;
    }

    public static string SupergraphSdl(string feature) => File.ReadAllText(Path.Combine(FeatureDirectory(feature), "supergraph.graphql"));

    /// <summary>The feature's subgraphs over their canned data; <paramref name="counter"/> serves <c>$counter</c> values.</summary>
    public static List<CannedSubgraph> CannedSubgraphs(string feature, Func<int> counter)
    {
        var dir = FeatureDirectory(feature);
        return Directory.GetFiles(Path.Combine(dir, "subgraphs"), "*.graphql").Order(StringComparer.Ordinal).Select(file =>
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var dataFile = Path.Combine(dir, "data", name + ".json");
            return new CannedSubgraph(
                name,
                File.ReadAllText(file),
                File.Exists(dataFile) ? File.ReadAllText(dataFile) : "{}",
                counter);
        }).ToList();
    }

    private static readonly JsonSerializerOptions WebOptions = new(JsonSerializerDefaults.Web);

    public static CaseOptions ReadOptions(string caseDir)
    {
        var file = Path.Combine(caseDir, "options.json");
        return File.Exists(file)
            ? JsonSerializer.Deserialize<CaseOptions>(File.ReadAllText(file), WebOptions)!
            : new CaseOptions();
    }

    /// <summary>Parses, validates and plans the case's operation as the case's options say.</summary>
    public static Task<PrepareResult> PrepareAsync(FederationEngine gateway, string caseDir, CaseOptions options, CancellationToken cancellationToken)
    {
        var request = new GatewayRequest(
            File.ReadAllText(Path.Combine(caseDir, "operation.graphql")),
            options.OperationName,
            Variables(caseDir));
        return options.Guard is null
            ? gateway.PrepareAsync(request, cancellationToken: cancellationToken)
            : gateway.PrepareAsync(request, GuardedAllowAll.ScopeKey, new GuardedAllowAll(new FlagGuard(options.Guard)), cancellationToken);
    }

    public static JsonElement? Variables(string caseDir)
    {
        var file = Path.Combine(caseDir, "variables.json");
        return File.Exists(file) ? JsonDocument.Parse(File.ReadAllText(file)).RootElement : null;
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Pretty(string json)
    {
        using var document = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(document.RootElement, Indented);
    }

    public static void Expect(string caseName, string file, string actual)
    {
        var expectedPath = Path.Combine(Root, caseName, file);
        if (Environment.GetEnvironmentVariable("UPDATE_CONFORMANCE") == "1")
        {
            File.WriteAllText(Path.Combine(SourceRoot(), caseName, file), actual + "\n");
            return;
        }

        Assert.True(File.Exists(expectedPath), $"{caseName}: missing {file}; actual:\n{actual}");
        Assert.Equal(File.ReadAllText(expectedPath).Trim().ReplaceLineEndings("\n"), actual.Trim().ReplaceLineEndings("\n"));
    }
}
