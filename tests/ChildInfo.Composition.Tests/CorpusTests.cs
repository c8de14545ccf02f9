using ChildInfo.Federation.Composition;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Composition.Tests;

/// <summary>Every corpus case composes as Apollo's reference composition does: the same supergraph, or the same error codes.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Cases() => new(CorpusCase.All().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compose_CorpusCase_AgreesWithApollo(string name)
    {
        if (KnownGaps.Cases.TryGetValue(name, out var reason))
        {
            Assert.Skip("Known gap: " + reason);
        }

        var corpusCase = new CorpusCase(name, Path.Combine(CorpusCase.Root, name));
        var result = SupergraphComposer.Compose(corpusCase.Subgraphs());
        if (corpusCase.ExpectedSupergraph is { } expected)
        {
            Assert.True(result.IsSuccess, "Apollo composes this set, but: " + string.Join("\n", result.Errors));
            AssertSameFacts(expected, result.Supergraph!);
            var loaded = SupergraphLoader.Load(result.Supergraph!);
            Assert.Equal(SupergraphLoader.Load(expected).ApiSdl, loaded.ApiSdl);
        }
        else
        {
            Assert.False(result.IsSuccess, "Apollo rejects this set, but it composed.");
            var codes = result.Errors.Select(e => e.Code).ToHashSet();
            Assert.Equal(corpusCase.ExpectedCodes!.Order(), codes.Order());
        }
    }

    internal static void AssertSameFacts(string expected, string actual, bool includeUrls = true)
    {
        var want = SupergraphFacts.Of(expected, includeUrls);
        var got = SupergraphFacts.Of(actual, includeUrls);
        var missing = want.Except(got).ToList();
        var extra = got.Except(want).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "Missing (in Apollo's, not ours):\n  " + string.Join("\n  ", missing) + "\nExtra (ours, not Apollo's):\n  " + string.Join("\n  ", extra));
    }
}
