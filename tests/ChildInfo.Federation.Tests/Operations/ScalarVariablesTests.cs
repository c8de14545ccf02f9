using System.Text.Json;
using ChildInfo.Federation.Operations;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Tests.Operations;

public sealed class ScalarVariablesTests
{
    private static ScalarVariables For(string operation) =>
        ScalarVariables.For((GraphQLOperationDefinition)Parser.Parse(operation).Definitions[0]);

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement;

    [Theory]
    [InlineData("""{"id":"CH-1"}""")]
    [InlineData("""{"id":"CH-1","n":3,"f":1.5,"b":true,"s":null,"l":["a","b"]}""")]
    [InlineData("""{"id":"CH-1","n":-7,"f":2,"l":null}""")]
    public void Accepts_PlainlyValidValues_True(string values)
    {
        var variables = For("query Q($id: ID!, $n: Int, $f: Float, $b: Boolean, $s: String, $l: [String!]) { a }");

        Assert.True(variables.Accepts(Json(values)));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"id":null}""")]
    [InlineData("""{"id":1}""")]
    [InlineData("""{"id":"x","n":"3"}""")]
    [InlineData("""{"id":"x","n":1.5}""")]
    [InlineData("""{"id":"x","n":1e3}""")]
    [InlineData("""{"id":"x","n":3000000000}""")]
    [InlineData("""{"id":"x","b":"true"}""")]
    [InlineData("""{"id":"x","l":"a"}""")]
    [InlineData("""{"id":"x","l":["a",null]}""")]
    [InlineData("""{"id":"x","s":{"a":1}}""")]
    public void Accepts_MissingOrDoubtfulValues_LeavesThemToTheFullCheck(string values)
    {
        var variables = For("query Q($id: ID!, $n: Int, $b: Boolean, $s: String, $l: [String!]) { a }");

        Assert.False(variables.Accepts(Json(values)));
    }

    [Fact]
    public void Accepts_MissingNonNullWithDefault_True()
    {
        Assert.True(For("query Q($n: Int! = 3) { a }").Accepts(Json("{}")));
        Assert.True(For("{ a }").Accepts(default));
    }

    [Theory]
    [InlineData("query Q($e: Colour) { a }")]
    [InlineData("query Q($i: ChildFilter!) { a }")]
    [InlineData("query Q($d: Date) { a }")]
    public void Accepts_OtherVariableTypes_AlwaysLeavesThemToTheFullCheck(string operation)
    {
        Assert.False(For(operation).Accepts(Json("{}")));
    }
}
