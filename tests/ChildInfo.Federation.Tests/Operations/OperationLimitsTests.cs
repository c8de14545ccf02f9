using System.Text;
using System.Text.Json;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Operations;

/// <summary>
/// A query is parsed once and measured against the limits before validation, planning or anything else whose cost
/// grows faster than its text: oversized queries are refused with a clear error and almost no work.
/// </summary>
public sealed class OperationLimitsTests
{
    private const long Megabyte = 1024 * 1024;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>1.3 KB whose fragments expand to 2^30 fields: <c>query { ...F0 } fragment F0 on Query { ...F1 ...F1 } … fragment F30 on Query { __typename }</c>.</summary>
    public static string FragmentBomb(int levels = 30, string type = "Query", string leaf = "__typename")
    {
        var query = new StringBuilder("query { ...F0 }");
        for (var i = 0; i < levels; i++)
        {
            query.Append($" fragment F{i} on {type} {{ ...F{i + 1} ...F{i + 1} }}");
        }

        return query.Append($" fragment F{levels} on {type} {{ {leaf} }}").ToString();
    }

    [Fact]
    public async Task FragmentBomb_RefusedBeforeValidation_WithAlmostNoAllocation()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        using var spans = new EngineSpans();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = await gateway.PrepareAsync(new GatewayRequest(FragmentBomb()), null, Token);

        // Refused before anything is awaited, so all the work is on this thread.
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(1_224, FragmentBomb().Length);
        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(result.Error!.Errors).Code);
        Assert.Contains("2000 fields once fragments are expanded", result.Error.Errors[0].Message, StringComparison.Ordinal);
        Assert.Equal((1, 0, 0), (spans.Count("parse"), spans.Count("validate"), spans.Count("plan")));
        Assert.InRange(allocated, 0, 2 * Megabyte);
        Assert.NotNull(result.Document);
    }

    [Fact]
    public async Task ThirtyThousandRepeatedFields_RefusedBeforeValidation()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities", new FederationEngineOptions { MaxQueryLength = 1_000_000 });
        var query = "{ me { " + string.Concat(Enumerable.Repeat("name ", 30_000)) + "} }";
        using var spans = new EngineSpans();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var result = await gateway.PrepareAsync(new GatewayRequest(query), null, Token);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(result.Error!.Errors).Code);
        Assert.Equal((1, 0), (spans.Count("parse"), spans.Count("validate")));

        // Validating these took over a gigabyte; parsing and counting them is a few megabytes.
        Assert.InRange(allocated, 0, 50 * Megabyte);
    }

    [Fact]
    public async Task RepeatedField_RefusedPastTheOverlappingPairLimit_AcceptedBelowIt()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        string Repeated(int times) => "{ me { " + string.Concat(Enumerable.Repeat("name ", times)) + "} }";

        var accepted = await gateway.PrepareAsync(new GatewayRequest(Repeated(63)), null, Token);
        var refused = await gateway.PrepareAsync(new GatewayRequest(Repeated(64)), null, Token);

        // 63 repeats make 1,953 pairs to compare, 64 make 2,016: the default limit is 2,000.
        Assert.True(accepted.Succeeded);
        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(refused.Error!.Errors).Code);
        Assert.Contains("same response name", refused.Error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OverlappingPairs_CountedWhereFragmentsAndRepeatedFieldsMerge()
    {
        // Merged, me appears twice (1 pair) and below it name three times: its own two and the fragment's once (3 pairs).
        const string query = "{ me { name ...A } me { name ...A } } fragment A on User { name }";

        var atFour = await Prepare(new FederationEngineOptions { MaxOverlappingFieldPairs = 4 }, query);
        var atThree = await Prepare(new FederationEngineOptions { MaxOverlappingFieldPairs = 3 }, query);

        Assert.True(atFour.Succeeded);
        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(atThree.Error!.Errors).Code);
    }

    [Fact]
    public async Task Aliases_CountedWhereverTheirFragmentIsSpread()
    {
        // Written: three aliases. Expanded: x, and a and b under each me.
        const string query = "{ me { ...F } x: me { ...F } } fragment F on User { a: name b: name }";

        var atFive = await Prepare(new FederationEngineOptions { MaxAliases = 5 }, query);
        var atFour = await Prepare(new FederationEngineOptions { MaxAliases = 4 }, query);

        Assert.True(atFive.Succeeded);
        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(atFour.Error!.Errors).Code);
        Assert.Contains("aliases", atFour.Error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FieldSelections_CountedWhereverTheirFragmentIsSpread()
    {
        // Written: four fields. Expanded: me with name and id from each of its two spreads, and x: me with one more: 8.
        const string query = "{ me { ...F ...F } x: me { ...F } } fragment F on User { name id }";

        var atEight = await Prepare(new FederationEngineOptions { MaxFieldSelections = 8 }, query);
        var atSeven = await Prepare(new FederationEngineOptions { MaxFieldSelections = 7 }, query);

        Assert.True(atEight.Succeeded);
        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(atSeven.Error!.Errors).Code);
    }

    [Fact]
    public async Task Depth_CountedThroughFragments()
    {
        const string query = "{ me { ...F } } fragment F on User { reviews { product { upc } } }";

        var atFour = await Prepare(new FederationEngineOptions { MaxDepth = 4 }, query);
        var atThree = await Prepare(new FederationEngineOptions { MaxDepth = 3 }, query);

        Assert.True(atFour.Succeeded);
        Assert.Equal(ErrorCodes.QueryTooDeep, Assert.Single(atThree.Error!.Errors).Code);
    }

    [Fact]
    public async Task FragmentsNestedPastTheParserDepth_Refused()
    {
        // Each definition is shallow, so the parser's own depth limit cannot see the chain.
        var query = new StringBuilder("{ me { ...F0 } }");
        for (var i = 0; i < 20; i++)
        {
            query.Append($" fragment F{i} on User {{ ...F{i + 1} }}");
        }

        query.Append(" fragment F20 on User { name }");

        var result = await Prepare(new FederationEngineOptions { MaxParserDepth = 12 }, query.ToString());

        Assert.Equal(ErrorCodes.QueryTooDeep, Assert.Single(result.Error!.Errors).Code);
        Assert.Contains("fragments included", result.Error.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FragmentSpreadsAndDirectives_CountedAsWritten()
    {
        var spreads = await Prepare(new FederationEngineOptions { MaxFragmentSpreads = 2 }, "{ me { ...F ...F ...F } } fragment F on User { name }");
        var directives = await Prepare(new FederationEngineOptions { MaxDirectives = 1 }, "{ me { name @include(if: true) id @skip(if: false) } }");

        Assert.Contains("fragments more than 2 times", Assert.Single(spreads.Error!.Errors).Message, StringComparison.Ordinal);
        Assert.Contains("more than 1 directives", Assert.Single(directives.Error!.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FragmentThatSpreadsItself_RefusedBeforeValidation()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        using var spans = new EngineSpans();

        var result = await gateway.PrepareAsync(new GatewayRequest("{ me { ...A } } fragment A on User { name ...B } fragment B on User { ...A }"), null, Token);

        Assert.Equal(ErrorCodes.ValidationFailed, Assert.Single(result.Error!.Errors).Code);
        Assert.Equal(0, spans.Count("validate"));
    }

    [Fact]
    public async Task UnusedFragmentBomb_Refused()
    {
        // Validation reads fragments that no operation spreads, so they are bounded too.
        var query = "{ me { name } }" + FragmentBomb(type: "User", leaf: "name")["query { ...F0 }".Length..];

        var result = await Prepare(new FederationEngineOptions(), query);

        Assert.Equal(ErrorCodes.OperationTooComplex, Assert.Single(result.Error!.Errors).Code);
    }

    [Fact]
    public async Task ConditionVariableInsideAFragment_SelectsThePlan()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        const string query = "query ($withName: Boolean!) { me { id ...F } } fragment F on User { name @include(if: $withName) }";

        var with = await gateway.PrepareAsync(new GatewayRequest(query, Variables: Json("""{"withName": true}""")), null, Token);
        var without = await gateway.PrepareAsync(new GatewayRequest(query, Variables: Json("""{"withName": false}""")), null, Token);

        Assert.NotSame(with.Operation!.Plan, without.Operation!.Plan);
        Assert.Contains("name", with.Operation.PlanText, StringComparison.Ordinal);
        Assert.DoesNotContain("name", without.Operation.PlanText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_ParsedOnce_AndNotAtAllWhenItsPlanIsCached()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");
        using var spans = new EngineSpans();
        const string query = "query Once { me { name reviews { body } } }";

        var first = await gateway.PrepareAsync(new GatewayRequest(query), null, Token);
        var parsedFirst = spans.Count("parse");
        var again = await gateway.PrepareAsync(new GatewayRequest(query), null, Token);

        Assert.Equal(1, parsedFirst);
        Assert.Equal(1, spans.Count("parse"));
        Assert.Same(first.Document, again.Document);
        Assert.Same(first.Document, first.Operation!.Document);
    }

    [Fact]
    public async Task RefusedAfterParsing_StillCarriesTheParse()
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities");

        var invalid = await gateway.PrepareAsync(new GatewayRequest("mutation M { nothing }"), null, Token);
        var unparsable = await gateway.PrepareAsync(new GatewayRequest("{ me { "), null, Token);

        Assert.False(invalid.Succeeded);
        Assert.Equal(GraphQLParser.AST.OperationType.Mutation, invalid.Document!.OperationType);
        Assert.Null(unparsable.Document);
    }

    private static async Task<PrepareResult> Prepare(FederationEngineOptions options, string query)
    {
        var (gateway, _) = ConformanceCase.LoadFeature("entities", options);
        return await gateway.PrepareAsync(new GatewayRequest(query), null, Token);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
