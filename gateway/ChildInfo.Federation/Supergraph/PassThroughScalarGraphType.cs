using GraphQL.Types;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Supergraph;

/// <summary>
/// A custom scalar of the supergraph. The gateway does not coerce its values (the owning subgraph does): any literal
/// or variable value is accepted and passed on unchanged.
/// </summary>
public sealed class PassThroughScalarGraphType : ScalarGraphType
{
    public PassThroughScalarGraphType(string name)
    {
        Name = name;
    }

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => s.Value.ToString(),
        GraphQLIntValue i => i.Value.ToString(),
        GraphQLFloatValue f => f.Value.ToString(),
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLEnumValue e => e.Name.StringValue,
        _ => value,
    };

    public override object? ParseValue(object? value) => value;

    public override object? Serialize(object? value) => value;
}
