using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using ChildInfo.Gateway.Audit;
using ChildInfo.Gateway.Demo;
using GraphQLParser.AST;

namespace ChildInfo.Gateway.Tests.Audit;

/// <summary>
/// The audit skips its walk over a response only for an operation that cannot reach a child: no field of or
/// returning <c>Child</c> or an agency's record, and no root field given a record's key. Every way the walk finds a
/// child must count as reaching one, through fragments too; the walk tests (<c>DisclosureWalkTests</c>, the request
/// audit tests) then fail if one is missed.
/// </summary>
public sealed class DisclosureReachTests
{
    private static readonly SupergraphSchema Schema = SupergraphLoader.Load(DemoSupergraph.Load());

    [Theory]
    [InlineData("{ child(id: \"CH-1\") { forename } }")]
    [InlineData("{ child(id: \"CH-1\") { __typename } }")]
    [InlineData("{ searchChildren(surname: \"Smith\") { child { id } } }")]
    [InlineData("{ searchChildren(surname: \"Smith\") { ... on ChildCandidate { ...C } } } fragment C on ChildCandidate { child { forename } }")]
    [InlineData("{ earlyYearsChild(eyChildId: \"E1\") { __typename } }")]
    [InlineData("{ settingChildren(urn: 1) { eyChildId } }")]
    [InlineData("query { ...Q } fragment Q on Query { setting(urn: 1) { name } ...R } fragment R on Query { child(id: \"CH-2\") { id } }")]
    [InlineData("mutation { recordPupilVoice(upn: \"U1\", voice: { words: \"hello\" }) { __typename } }")]
    public void AnOperationThatCanReachAChild_IsWalked(string query) =>
        Assert.True(Reaches(query));

    [Theory]
    [InlineData("{ __typename }")]
    [InlineData("{ setting(urn: 1) { name postcode } }")]
    [InlineData("{ searchChildren(surname: \"Smith\") { score matchedOn } }")]
    [InlineData("query { ...Q ...Q } fragment Q on Query { setting(urn: 1) { ...S } } fragment S on EarlyYearsSetting { urn name }")]
    public void AnOperationThatCannotReachAChild_IsNotWalked(string query) =>
        Assert.False(Reaches(query));

    [Fact]
    public void OneThatCannotReachAChild_WalkFindsNothingInItsResponse()
    {
        const string query = "{ searchChildren(surname: \"Smith\") { score } }";
        using var data = System.Text.Json.JsonDocument.Parse("""{"searchChildren": [{"score": 0.9}, {"score": 0.5}]}""");

        var children = ChildDisclosureWalker.Walk(Schema, OperationDocument.Parse(query, null, 256), null, data.RootElement, c => [c]);

        Assert.Empty(children);
    }

    private static bool Reaches(string query)
    {
        var document = OperationDocument.Parse(query, null, 256);
        var root = document.OperationType == OperationType.Mutation ? Schema.MutationType! : Schema.QueryType;
        return DeclaredFields.Own(Schema, document).ReachesChildren(document.Operation.SelectionSet, root);
    }
}
