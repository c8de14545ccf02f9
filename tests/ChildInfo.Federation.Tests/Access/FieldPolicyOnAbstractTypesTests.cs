using ChildInfo.Federation.Access;
using ChildInfo.Federation.Tests.Infrastructure;

namespace ChildInfo.Federation.Tests.Access;

/// <summary>
/// A field policy decides per concrete type, so interfaces, unions, fragments, aliases, <c>__typename</c> and
/// introspection cannot get round it: a denied field's values never reach the response, and no subgraph is asked
/// for it, however the operation reaches it (the abstract-types supergraph: <c>Media</c> is implemented by
/// <c>Book</c>, <c>Film</c> and <c>Podcast</c>; <c>SearchResult</c> is <c>Book | Film</c>).
/// </summary>
public sealed class FieldPolicyOnAbstractTypesTests
{
    // Book.author's values in the canned media subgraph.
    private static readonly string[] Authors = ["George Eliot", "Jane Austen"];

    public static TheoryData<string, string> Operations() => new()
    {
        { "inline fragment on a member of an interface", "{ library { id ... on Book { author } } }" },
        { "named fragment, aliased", "{ library { id ...B } } fragment B on Book { writer: author }" },
        { "fragment on the interface with a nested type condition", "{ library { ...M } } fragment M on Media { id ... on Book { author } }" },
        { "union member", "{ search { ... on Book { id author } ... on Film { id director } } }" },
        { "beside __typename", "{ library { __typename ... on Book { author } } }" },
        { "beside introspection", "{ __type(name: \"Book\") { fields { name } } library { id ... on Book { author } } }" },
        { "twice, once under @include", "query($yes: Boolean = true) { library { ... on Book { author author @include(if: $yes) } } }" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task DeniedMemberField_IsNeverFetched_AndNeverAnswered(string spelling, string operation)
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("abstract-types");
        var policy = new DenyFields("Book.author");

        var prepared = await gateway.PrepareAsync(new GatewayRequest(operation, null, null), "deny-book-author", policy, TestContext.Current.CancellationToken);
        Assert.True(prepared.Operation is not null, spelling);
        var result = await gateway.ExecuteAsync(prepared.Operation, TestContext.Current.CancellationToken);
        var json = result.ToJson();

        Assert.DoesNotContain(transport.Bodies, body => body.Contains("author", StringComparison.Ordinal));
        Assert.All(Authors, author => Assert.DoesNotContain(author, json, StringComparison.Ordinal));
        Assert.Contains("\"DENIED_FOR_TEST\"", json, StringComparison.Ordinal);

        // The printed plan says what was withheld, and why.
        Assert.Contains("  Withheld {\n    Book.author: DENIED_FOR_TEST (rule: test)\n", prepared.Operation.PlanText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeniedOnOneMember_TheOtherMembersFieldsAreStillServed()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("abstract-types");
        var policy = new DenyFields("Film.director");

        var prepared = await gateway.PrepareAsync(new GatewayRequest("{ search { ... on Book { author } ... on Film { director } } }", null, null), "deny-film-director", policy, TestContext.Current.CancellationToken);
        var result = await gateway.ExecuteAsync(prepared.Operation!, TestContext.Current.CancellationToken);
        var json = result.ToJson();

        Assert.DoesNotContain("David Lean", json, StringComparison.Ordinal);
        Assert.DoesNotContain(transport.Bodies, body => body.Contains("director", StringComparison.Ordinal));
        Assert.Contains("George Eliot", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InterfaceField_DeniedOnOneImplementation_NullsWhatTheSpecSays_AndLeaksNothing()
    {
        var (gateway, transport) = ConformanceCase.LoadFeature("abstract-types");
        var policy = new DenyFields("Film.title");

        // Media.title is non-null in a non-null list: the withheld title nulls the whole list, as the spec says.
        var prepared = await gateway.PrepareAsync(new GatewayRequest("{ library { id title } }", null, null), "deny-film-title", policy, TestContext.Current.CancellationToken);
        var result = await gateway.ExecuteAsync(prepared.Operation!, TestContext.Current.CancellationToken);
        var json = result.ToJson();

        Assert.DoesNotContain("Brief Encounter", json, StringComparison.Ordinal);
        // The interface selection is split by concrete type, and Film's part leaves title out.
        Assert.Contains(transport.Bodies, body => body.Contains("...on Film{id}", StringComparison.Ordinal));
        Assert.Contains("\"DENIED_FOR_TEST\"", json, StringComparison.Ordinal);
        Assert.StartsWith("{\"errors\"", json, StringComparison.Ordinal);
        Assert.Contains("\"data\":null", json, StringComparison.Ordinal);
    }

    /// <summary>Denies the listed coordinates and allows everything else.</summary>
    private sealed class DenyFields(params string[] denied) : IFieldAccessPolicy
    {
        public FieldAccess Decide(string typeName, string fieldName)
        {
            var coordinate = typeName + "." + fieldName;
            return denied.Contains(coordinate)
                ? new FieldAccess(coordinate, false, "DENIED_FOR_TEST", "denied by the test policy", "test", null)
                : new FieldAccess(coordinate, true, "ALLOWED", "allowed", "test", null);
        }
    }
}
