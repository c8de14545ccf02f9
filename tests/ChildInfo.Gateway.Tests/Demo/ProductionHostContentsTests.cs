using System.Text.Json;

namespace ChildInfo.Gateway.Tests.Demo;

/// <summary>
/// The production host ships no sample agency and no data generator: its dependency manifest (the
/// <c>childinfo.deps.json</c> that <c>dotnet publish</c> copies from) names none of them, while the demo's does.
/// </summary>
public sealed class ProductionHostContentsTests
{
    private static readonly string[] SampleAssemblies =
    [
        "ChildInfo.SampleData", "ChildInfo.Subgraphs.Kit", "ChildInfo.Subgraphs.ChildIndex", "ChildInfo.Subgraphs.Education",
        "ChildInfo.Subgraphs.EarlyYears", "ChildInfo.Subgraphs.SocialCare", "ChildInfo.Subgraphs.VoluntarySector",
    ];

    [Fact]
    public void ProductionHost_DependsOnNoSampleAgencyOrGenerator()
    {
        var libraries = Libraries("childinfo.deps.json");

        Assert.Contains("ChildInfo.Subgraphs.Contract", libraries);
        Assert.Empty(libraries.Intersect(SampleAssemblies));
    }

    [Fact]
    public void Demo_CarriesTheSampleAgenciesAndTheGenerator() =>
        Assert.Equal(SampleAssemblies.Order(), Libraries("childinfo-demo.deps.json").Intersect(SampleAssemblies).Order());

    /// <summary>The names of the project and package libraries a dependency manifest lists (without versions).</summary>
    private static HashSet<string> Libraries(string manifest)
    {
        var path = Path.Combine(AppContext.BaseDirectory, manifest);
        Assert.True(File.Exists(path), $"{manifest} is not beside the tests: {path}");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return [.. document.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0])];
    }
}
