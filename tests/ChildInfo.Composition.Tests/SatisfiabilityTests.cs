using ChildInfo.Federation.Composition;

namespace ChildInfo.Composition.Tests;

/// <summary>The satisfiability step names the unreachable field, the query reaching it and why no subgraph can resolve it.</summary>
public sealed class SatisfiabilityTests
{
    [Fact]
    public void Compose_KeyFieldsNotAvailable_NamesQueryFieldAndKey()
    {
        var result = SupergraphComposer.Compose(new CorpusCase("error-satisfiability", Path.Combine(CorpusCase.Root, "error-satisfiability")).Subgraphs());

        var error = Assert.Single(result.Errors, e => e.Coordinate == "User.age");
        Assert.Equal(CompositionErrorCodes.SatisfiabilityError, error.Code);
        Assert.Contains("{ user { age } }", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot find field \"User.age\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("@key(fields: \"email\")", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_UnresolvableKey_SaysNoKeyIsResolvable()
    {
        var result = SupergraphComposer.Compose(new CorpusCase("x", Path.Combine(CorpusCase.Root, "error-satisfiability-unresolvable-key")).Subgraphs());

        var error = Assert.Single(result.Errors);
        Assert.Contains("resolvable: false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_FieldTwoKeyHopsAway_IsSatisfiable()
    {
        var result = SupergraphComposer.Compose(new CorpusCase("x", Path.Combine(CorpusCase.Root, "satisfiability-key-chain")).Subgraphs());

        Assert.True(result.IsSuccess, string.Join("\n", result.Errors));
    }
}
