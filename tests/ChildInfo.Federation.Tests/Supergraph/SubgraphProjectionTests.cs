using ChildInfo.Federation.Supergraph;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Supergraph;

public sealed class SubgraphProjectionTests
{
    private static SupergraphSchema SubgraphTypes() =>
        SupergraphLoader.Load(File.ReadAllText(Path.Combine(ConformanceCase.Root, "subgraph-types", "supergraph.graphql")));

    [Fact]
    public void PossibleTypes_FollowJoinImplementsPerSubgraph()
    {
        var schema = SubgraphTypes();

        Assert.Equal(["Book", "Film"], schema.PossibleTypes("Product"));
        Assert.Equal(["Book", "Film"], schema.SubgraphSchema("catalog").PossibleTypes("Product"));
        Assert.Equal(["Book"], schema.SubgraphSchema("reviews").PossibleTypes("Product"));
        Assert.False(schema.SubgraphSchema("reviews").CanSpread("Product", "Film"));
    }

    [Fact]
    public void FieldType_IsTheSubgraphsOwnWhereJoinFieldGivesOne()
    {
        var schema = SubgraphTypes();

        Assert.Equal("Media", schema.GetType("Query").Field("featured")!.Type.ToString());
        Assert.Equal("Media", schema.SubgraphSchema("catalog").FieldType("Query", "featured")!.ToString());
        Assert.Equal("Book", schema.SubgraphSchema("reviews").FieldType("Query", "featured")!.ToString());
        Assert.Null(schema.SubgraphSchema("reviews").FieldType("Book", "title"));
        Assert.Null(schema.SubgraphSchema("reviews").FindType("Media"));
    }

    [Fact]
    public void Sdl_BuildsAndHasTheFederationAdditions()
    {
        var reviews = SubgraphTypes().SubgraphSchema("reviews");

        var built = SubgraphOperationValidator.Build(reviews);

        Assert.Contains("union _Entity = Book | Film", reviews.Sdl, StringComparison.Ordinal);
        Assert.NotNull(built.Query.GetField("_entities"));
        Assert.Null(built.AllTypes["Media"]);
    }

    [Fact]
    public void Projection_KeepsEnumValuesExternalFieldsAndInaccessibleOnesOfTheSubgraph()
    {
        var schema = SupergraphLoader.Load(SupergraphLoaderTests.Fixture);
        var a = schema.SubgraphSchema("a");
        var b = schema.SubgraphSchema("b");

        Assert.Contains("SHUT", a.Sdl, StringComparison.Ordinal);
        Assert.Equal("String", b.FieldType("Thing", "name")!.ToString());
        Assert.Null(a.FieldType("Thing", "size"));
        Assert.Equal("String", a.FieldType("Thing", "internal")!.ToString());
        Assert.Null(b.FindType("Kind"));
        SubgraphOperationValidator.Build(a);
        SubgraphOperationValidator.Build(b);
    }

    [Fact]
    public async Task Validator_RejectsASpreadTheSubgraphCannotReturn()
    {
        var validator = new SubgraphOperationValidator(SubgraphTypes());

        var errors = await validator.ValidateAsync("reviews", "{ topProducts { ... on Film { id } } }", null);

        Assert.Contains(errors, e => e.Contains("Film", StringComparison.Ordinal));
        Assert.Empty(await validator.ValidateAsync("catalog", "{ products { ... on Film { id } } }", null));
    }

    [Fact]
    public void InterfaceObject_IsAnObjectTypeAndAnEntityInItsSubgraph()
    {
        var schema = SupergraphLoader.Load(File.ReadAllText(Path.Combine(ConformanceCase.Root, "interface-object-typename", "supergraph.graphql")));
        var tracking = schema.SubgraphSchema("tracking");
        var inventory = schema.SubgraphSchema("inventory");

        Assert.Equal(SupergraphTypeKind.Object, tracking.FindType("Asset")!.Kind);
        Assert.Equal(SupergraphTypeKind.Interface, inventory.FindType("Asset")!.Kind);
        Assert.Null(tracking.FindType("Laptop"));
        Assert.Contains("union _Entity = Asset", tracking.Sdl, StringComparison.Ordinal);
        Assert.Equal(["Desk", "Laptop"], inventory.PossibleTypes("Asset").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void HiddenEnumValues_ListOnlyInaccessibleOnes()
    {
        var schema = SupergraphLoader.Load(File.ReadAllText(Path.Combine(ConformanceCase.Root, "output", "supergraph.graphql")));

        Assert.Equal(["SEALED"], schema.HiddenEnumValues!["Status"]);
        Assert.Contains("SEALED", schema.SubgraphSchema("people").Sdl, StringComparison.Ordinal);
        Assert.Null(SubgraphTypes().HiddenEnumValues);
    }
}
