using System.Text.Json;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Demo;

namespace ChildInfo.Gateway.Tests.Security;

/// <summary>
/// The audit's walk over a response reads each response value once against the fields asked of it: fragments spread
/// many times cost nothing more, and it finds the same children and fields as reading every spread in place.
/// </summary>
public sealed class DisclosureWalkTests
{
    private static readonly SupergraphSchema Schema = SupergraphLoader.Load(DemoSupergraph.Load());

    [Fact]
    public void FragmentBomb_WalkedWithoutExpandingIt()
    {
        var document = OperationDocument.Parse(QueryCostAttackTests.FragmentBomb(), null, 256);
        using var data = JsonDocument.Parse("""{"__typename": "Query"}""");
        // One walk first: the first call in a process also pays for loading and compiling the walker (about 1.5 MB
        // under a loaded CI run), which is not what this measures.
        Walk(document, data.RootElement);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var children = Walk(document, data.RootElement);

        // Expanding every spread, 2^22 of them allocated 128 MB and 2^30 ran out of memory.
        Assert.Empty(children);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 1024 * 1024);
    }

    [Fact]
    public void FragmentsAliasesAndInlineFragments_EveryChildWithWhatWasShownOfIt()
    {
        const string query = """
            query { searchChildren(surname: "Smith") { child { ...A ...B ... on Child { ...A } } } }
            fragment A on Child { id ...C }
            fragment B on Child { key: id forename ...C }
            fragment C on Child { surname pupil { upn } }
            """;
        using var data = JsonDocument.Parse("""
            {"searchChildren": [
              {"child": {"id": "CH-1", "key": "CH-1", "forename": "Ann", "surname": "Smith", "pupil": {"upn": "U1"}}},
              {"child": {"id": "CH-2", "key": "CH-2", "forename": "Bo", "surname": "Smith", "pupil": null}}
            ]}
            """);

        var children = Walk(OperationDocument.Parse(query, null, 256), data.RootElement);

        Assert.Equal(["CH-1", "CH-2"], children.Keys);
        Assert.Equal(["Child.forename", "Child.id", "Child.pupil", "Child.surname", "Pupil.upn"], Fields(children["CH-1"]));
        Assert.Equal(["Child.forename", "Child.id", "Child.surname"], Fields(children["CH-2"]));
    }

    [Fact]
    public void RefusedRequest_LookupsInFragmentsStillTouchTheirChildren()
    {
        const string query = """
            query ($id: ID!) { ...Q ...Q }
            fragment Q on Query { a: child(id: $id) { forename } b: child(id: "CH-9") { id } searchChildren(surname: "x") { child { id } } }
            """;
        using var variables = JsonDocument.Parse("""{"id": "CH-8"}""");

        var children = ChildDisclosureWalker.Walk(Schema, OperationDocument.Parse(query, null, 256), variables.RootElement, null, c => [c]);

        Assert.Equal(["CH-8", "CH-9"], children.Keys);
        Assert.All(children.Values, Assert.Empty);
    }

    [Fact]
    public void ResponseObjectsMapToTheirChild_ForNoticesByPath()
    {
        const string query = "{ searchChildren(surname: \"x\") { child { id ...P } } } fragment P on Child { pupil { upn } }";
        using var data = JsonDocument.Parse("""{"searchChildren": [{"child": {"id": "CH-1", "pupil": {"upn": "U1"}}}, {"child": {"id": "CH-2", "pupil": {"upn": "U2"}}}]}""");
        var childByPath = new Dictionary<string, string>(StringComparer.Ordinal);

        ChildDisclosureWalker.Walk(Schema, OperationDocument.Parse(query, null, 256), null, data.RootElement, c => [c], childByPath);

        Assert.Equal("CH-1", childByPath["searchChildren/0/child/pupil"]);
        Assert.Equal("CH-2", childByPath["searchChildren/1/child/pupil"]);
    }

    [Fact]
    public void SharedValueType_IsAttributedToTheServiceWhoseRecordHeldIt()
    {
        const string query = "{ child(id: \"CH-1\") { id pupil { voice { words } } socialCareChild { voice { words } } } }";
        using var data = JsonDocument.Parse("""
            {"child": {"id": "CH-1", "pupil": {"voice": [{"words": "I like maths"}]}, "socialCareChild": {"voice": [{"words": "I want to stay with Nan"}]}}}
            """);

        var children = Walk(OperationDocument.Parse(query, null, 256), data.RootElement);

        // ChildVoice is defined by four services; what the child told their school came from the school's records.
        var words = children["CH-1"].Where(f => f.Field == "ChildVoice.words").Select(f => f.Source).Order(StringComparer.Ordinal);
        Assert.Equal(["education", "social-care"], words);
    }

    private static IReadOnlyDictionary<string, List<ChildInfo.Audit.Records.DisclosedField>> Walk(OperationDocument document, JsonElement data) =>
        ChildDisclosureWalker.Walk(Schema, document, null, data, c => [c]);

    private static List<string> Fields(List<ChildInfo.Audit.Records.DisclosedField> disclosed) =>
        [.. disclosed.Select(f => f.Field).Distinct().Order(StringComparer.Ordinal)];
}
