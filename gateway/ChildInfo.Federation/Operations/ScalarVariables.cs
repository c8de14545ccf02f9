using System.Runtime.InteropServices;
using System.Text.Json;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// A quick acceptance test for the variable values of an operation that has already passed full validation. When every
/// variable is of a built-in scalar type (<c>ID</c>, <c>String</c>, <c>Int</c>, <c>Float</c>, <c>Boolean</c>, in
/// lists or non-null) and each value is plainly of its type, GraphQL.NET's coercion check would accept them too, and
/// it is the largest part of a plan-cache hit. Anything else (enums, input objects, custom scalars, a value that
/// might be wrong) is not accepted here and goes through GraphQL.NET's check, which gives the errors.
/// </summary>
internal sealed class ScalarVariables
{
    private readonly (string Name, GraphQLType Type, bool HasDefault)[]? _variables;

    private ScalarVariables((string, GraphQLType, bool)[]? variables)
    {
        _variables = variables;
    }

    public static ScalarVariables For(GraphQLOperationDefinition operation)
    {
        var definitions = operation.Variables?.Items ?? [];
        var variables = new (string, GraphQLType, bool)[definitions.Count];
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            if (!IsBuiltInScalar(definition.Type))
            {
                return new ScalarVariables(null);
            }

            variables[i] = (definition.Variable.Name.StringValue, definition.Type, definition.DefaultValue is not null);
        }

        return new ScalarVariables(variables);
    }

    /// <summary>True when the values certainly coerce; false means "check them fully", not "invalid".</summary>
    public bool Accepts(JsonElement values)
    {
        if (_variables is null)
        {
            return false;
        }

        var hasValues = values.ValueKind == JsonValueKind.Object;
        foreach (var (name, type, hasDefault) in _variables)
        {
            if (hasValues && values.TryGetProperty(name, out var value))
            {
                if (!Accepts(value, type))
                {
                    return false;
                }
            }
            else if (type is GraphQLNonNullType && !hasDefault)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Accepts(JsonElement value, GraphQLType type)
    {
        switch (type)
        {
            case GraphQLNonNullType nonNull:
                return value.ValueKind != JsonValueKind.Null && Accepts(value, nonNull.Type);
            case GraphQLListType list:
                if (value.ValueKind == JsonValueKind.Null)
                {
                    return true;
                }

                // A single value standing for a list is legal, but rare: left to the full check.
                if (value.ValueKind != JsonValueKind.Array)
                {
                    return false;
                }

                foreach (var item in value.EnumerateArray())
                {
                    if (!Accepts(item, list.Type))
                    {
                        return false;
                    }
                }

                return true;
            case GraphQLNamedType named:
                return value.ValueKind switch
                {
                    JsonValueKind.Null => true,
                    JsonValueKind.String => named.Name.Value.Span is "String" or "ID",
                    JsonValueKind.True or JsonValueKind.False => named.Name.Value.Span is "Boolean",
                    JsonValueKind.Number => named.Name.Value.Span switch
                    {
                        "Int" => IsPlainInteger(value) && value.TryGetInt32(out _),
                        "Float" => value.TryGetDouble(out var number) && double.IsFinite(number),
                        _ => false,
                    },
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>Digits only (with an optional minus): no fraction or exponent for Int to argue about.</summary>
    private static bool IsPlainInteger(JsonElement value)
    {
        var text = JsonMarshal.GetRawUtf8Value(value);
        for (var i = text.Length > 0 && text[0] == (byte)'-' ? 1 : 0; i < text.Length; i++)
        {
            if (!char.IsAsciiDigit((char)text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBuiltInScalar(GraphQLType type) => type switch
    {
        GraphQLNonNullType nonNull => IsBuiltInScalar(nonNull.Type),
        GraphQLListType list => IsBuiltInScalar(list.Type),
        GraphQLNamedType named => named.Name.Value.Span is "ID" or "String" or "Int" or "Float" or "Boolean",
        _ => false,
    };
}
