using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Tests.Supergraph;

public sealed class SupergraphLoaderTests
{
    internal static string Fixture => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Supergraph", "fixture.supergraph.graphql"));

    [Fact]
    public void Load_ReadsSubgraphsWithNamesAndUrls()
    {
        var schema = SupergraphLoader.Load(Fixture);

        Assert.Equal(["a", "b"], schema.Subgraphs.Select(s => s.Name));
        Assert.Equal("http://b.test/graphql", schema.FindSubgraph("b")!.Url);
        Assert.Equal("Query", schema.QueryType);
        Assert.Null(schema.MutationType);
    }

    [Fact]
    public void Load_ReadsKeysRequiresExternalAndOverride()
    {
        var thing = SupergraphLoader.Load(Fixture).GetType("Thing");

        Assert.Equal("id", Assert.Single(thing.Joins["a"].Keys).Fields);
        Assert.True(thing.Joins["b"].IsEntity);
        var size = thing.Fields["size"].JoinFor("b")!;
        Assert.Equal("name", size.RequiresText);
        Assert.Equal("name", Assert.Single(size.Requires!).FieldName);
        Assert.True(thing.Fields["name"].JoinFor("b")!.External);
        Assert.Equal("a", thing.Fields["colour"].JoinFor("b")!.OverrideFrom);
        Assert.Null(thing.Fields["colour"].JoinFor("a"));
        Assert.True(thing.Fields["internal"].Inaccessible);
    }

    [Fact]
    public void ApiSdl_HasNoFederationMachineryAndNothingInaccessible()
    {
        var sdl = SupergraphLoader.Load(Fixture).ApiSdl;

        Assert.DoesNotContain("join__", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("link", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("@tag", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("internal", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden", sdl, StringComparison.Ordinal);
        Assert.DoesNotContain("SHUT", sdl, StringComparison.Ordinal);
        Assert.Contains("OPEN", sdl, StringComparison.Ordinal);
        Assert.Contains("scalar Date", sdl, StringComparison.Ordinal);
        Assert.Contains("colour: String", sdl, StringComparison.Ordinal);
    }

    [Fact]
    public void ApiSchema_BuildsWithCustomScalars()
    {
        var api = ApiSchemaFactory.Create(SupergraphLoader.Load(Fixture));

        Assert.NotNull(api.AllTypes["Date"]);
        Assert.Null(api.AllTypes["Hidden"]);
    }

    [Theory]
    [InlineData("type Query { a: Int }")]
    [InlineData("this is not graphql")]
    public void Load_NotAFederationSupergraph_Throws(string sdl) =>
        Assert.Throws<SupergraphException>(() => SupergraphLoader.Load(sdl));

    [Fact]
    public void FieldSetParser_ParsesNestedFieldsAndFragments()
    {
        var nodes = FieldSetParser.Parse("id organisation { id ... on School { urn } }");

        Assert.Equal("id", nodes[0].FieldName);
        var organisation = nodes[1];
        Assert.Equal("organisation", organisation.FieldName);
        Assert.Equal("School", organisation.Children[1].TypeCondition);
        Assert.Equal("urn", organisation.Children[1].Children[0].FieldName);
    }
}
