using System.Text.Json;
using ChildInfo.Federation.Supergraph;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Tests.Infrastructure;

/// <summary>
/// Validates operations the planner writes for a subgraph with GraphQL.NET's full validation, against that subgraph's
/// own schema as projected from the supergraph (<see cref="SubgraphSchema.Sdl"/>, federation additions included).
/// </summary>
internal sealed class SubgraphOperationValidator
{
    private static readonly GraphQLSerializer Serializer = new();
    private readonly DocumentValidator _validator = new();
    private readonly Dictionary<string, ISchema> _schemas = new(StringComparer.Ordinal);
    private readonly SupergraphSchema _supergraph;

    public SubgraphOperationValidator(SupergraphSchema supergraph)
    {
        _supergraph = supergraph;
    }

    /// <summary>Builds a GraphQL.NET schema from a projected subgraph's SDL, custom scalars passing values through.</summary>
    public static ISchema Build(SubgraphSchema subgraph)
    {
        var schema = Schema.For(subgraph.Sdl, builder =>
        {
            foreach (var type in subgraph.Types.Values.Where(t => t.IsAbstract))
            {
                builder.Types.For(type.Name).ResolveType = _ => null!;
            }

            builder.Types.For("_Entity").ResolveType = _ => null!;
        });
        foreach (var type in subgraph.Types.Values.Where(t => t.Kind == SupergraphTypeKind.Scalar && t.Name is not ("String" or "Int" or "Float" or "Boolean" or "ID")).Select(t => t.Name).Append("_Any"))
        {
            schema.RegisterType(new AnyScalarGraphType(type));
        }

        schema.Initialize();
        return schema;
    }

    /// <summary>The validation errors of <paramref name="operationText"/> sent to <paramref name="subgraph"/> (empty when valid).</summary>
    public async Task<IReadOnlyList<string>> ValidateAsync(string subgraph, string operationText, JsonElement? clientVariables)
    {
        if (!_schemas.TryGetValue(subgraph, out var schema))
        {
            schema = Build(_supergraph.SubgraphSchema(subgraph));
            _schemas[subgraph] = schema;
        }

        var document = Parser.Parse(operationText);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single();
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (clientVariables is { ValueKind: JsonValueKind.Object } client)
        {
            foreach (var (name, value) in Serializer.ReadNode<Inputs>(client) ?? Inputs.Empty)
            {
                values[name] = value;
            }
        }

        foreach (var definition in operation.Variables?.Items ?? [])
        {
            if (definition.Type is GraphQLNonNullType { Type: GraphQLListType { Type: GraphQLNonNullType { Type: GraphQLNamedType { Name.Value: var named } } } }
                && named.Span.SequenceEqual("_Any"))
            {
                values[definition.Variable.Name.StringValue] = new List<object?>();
            }
        }

        var result = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = schema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = new Inputs(values),
        });
        return [.. result.Errors.Select(e => e.Message)];
    }
}
