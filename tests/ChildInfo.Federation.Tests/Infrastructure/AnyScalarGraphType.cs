using GraphQL.Types;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>The federation <c>_Any</c> scalar (representations) and any custom scalar of a test subgraph: values pass through.</summary>
internal sealed class AnyScalarGraphType : ScalarGraphType
{
    public AnyScalarGraphType(string name)
    {
        Name = name;
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLIntValue i => int.Parse(i.Value.Span, System.Globalization.CultureInfo.InvariantCulture),
        GraphQLBooleanValue b => b.BoolValue,
        _ => value.ToString(),
    };

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;
}
