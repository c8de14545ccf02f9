using ChildInfo.Federation.Composition;

namespace ChildInfo.Composition.Tests;

/// <summary>
/// A field whose value comes from another subgraph than its parent's must be nullable, or one subgraph's outage
/// nulls the whole parent: composition warns (CROSS_SUBGRAPH_NON_NULL), naming the subgraph that should change.
/// </summary>
public sealed class CrossSubgraphNullabilityTests
{
    private const string Link = """extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])""";

    private const string Index = Link + """

        type Query { child(id: ID!): Child }
        type Child @key(fields: "id") { id: ID! forename: String! pupil: PUPIL_TYPE }
        type Pupil @key(fields: "upn", resolvable: false) { upn: ID! }
        """;

    private const string Education = Link + """

        type Pupil @key(fields: "upn") { upn: ID! forename: String! attendance: [Int!]! }
        """;

    private static string Agency(string casesType) => Link + $$"""

        type Child @key(fields: "id") { id: ID! cases: {{casesType}} }
        type Case { caseId: ID! }
        """;

    private static CompositionResult Compose(string casesType, string pupilType = "Pupil") => SupergraphComposer.Compose(
    [
        new SubgraphSdl("child-index", "http://index.test/graphql", Index.Replace("PUPIL_TYPE", pupilType, StringComparison.Ordinal)),
        new SubgraphSdl("education", "http://education.test/graphql", Education),
        new SubgraphSdl("youth-justice", "http://yj.test/graphql", Agency(casesType)),
    ]);

    [Fact]
    public void Compose_AgencyAddsNonNullFieldToAnotherSubgraphsEntity_WarnsAndNamesTheAgency()
    {
        var result = Compose("[Case!]!");

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(CompositionErrorCodes.CrossSubgraphNonNull, warning.Code);
        Assert.Equal("youth-justice", warning.Subgraph);
        Assert.Equal("Child.cases", warning.Coordinate);
        Assert.Contains("takes the whole Child with it", warning.Message, StringComparison.Ordinal);
        Assert.Contains("\"child-index\"", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Declare it nullable ([Case!])", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[Case!]")]
    [InlineData("[Case]")]
    public void Compose_AgencyFieldNullable_NoWarning(string casesType)
    {
        var result = Compose(casesType);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public void Compose_NonNullReferenceToEntityKnownOnlyByKey_WarnsOnTheReferencingField()
    {
        var result = Compose("[Case!]", pupilType: "Pupil!");

        var warning = Assert.Single(result.Warnings);
        Assert.Equal("Child.pupil", warning.Coordinate);
        Assert.Equal("child-index", warning.Subgraph);
        Assert.Contains("knows Pupil only by its key", warning.Message, StringComparison.Ordinal);
        Assert.Contains("\"education\"", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FieldsOfTheSubgraphThatHandsOutTheEntity_NeverWarn()
    {
        // Child.forename is non-null, and youth justice holds data on Child too; but no field of youth justice returns
        // a Child, so a Child always comes from the child index, which resolves forename itself. Likewise Pupil's
        // non-null fields: a failed education fetch nulls the pupil, and Child.pupil is nullable.
        var result = Compose("[Case!]");

        Assert.DoesNotContain(result.Warnings, w => w.Coordinate is "Child.forename" or "Pupil.forename" or "Pupil.attendance");
    }

    [Fact]
    public void Compose_FiveSampleSubgraphs_NoWarning()
    {
        var directory = Path.Combine(CorpusCase.Root, "demo-five-subgraphs", "subgraphs");
        var subgraphs = Directory.GetFiles(directory, "*.graphql")
            .Select(f => new SubgraphSdl(Path.GetFileNameWithoutExtension(f), "http://demo.test/graphql", File.ReadAllText(f)))
            .ToList();

        var result = SupergraphComposer.Compose(subgraphs);

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
        Assert.Empty(result.Warnings);
    }
}
