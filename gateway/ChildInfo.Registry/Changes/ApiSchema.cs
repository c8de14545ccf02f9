using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace ChildInfo.Registry;

/// <summary>
/// An API schema read for comparison: its types by name and its root operation types. Type extensions and directive
/// definitions are not part of an API schema (the API schema printer drops them) and are ignored.
/// </summary>
internal sealed class ApiSchema
{
    private ApiSchema(Dictionary<string, GraphQLTypeDefinition> types, Dictionary<OperationType, string> roots)
    {
        Types = types;
        Roots = roots;
    }

    public IReadOnlyDictionary<string, GraphQLTypeDefinition> Types { get; }

    /// <summary>The root type of each operation: from the schema definition, or Query/Mutation/Subscription when there is none.</summary>
    public IReadOnlyDictionary<OperationType, string> Roots { get; }

    /// <param name="which">"before" or "after", for the error message.</param>
    /// <exception cref="ArgumentException">The text is not GraphQL SDL.</exception>
    public static ApiSchema Parse(string sdl, string which)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(sdl);
        }
        catch (GraphQLParserException ex)
        {
            throw new ArgumentException($"The {which} API schema is not valid GraphQL SDL: {ex.Message}", which == "before" ? "beforeSdl" : "afterSdl", ex);
        }

        var types = new Dictionary<string, GraphQLTypeDefinition>(StringComparer.Ordinal);
        foreach (var definition in document.Definitions.OfType<GraphQLTypeDefinition>())
        {
            if (definition is not GraphQLDirectiveDefinition)
            {
                types.TryAdd(definition.Name.StringValue, definition);
            }
        }

        var roots = new Dictionary<OperationType, string>();
        if (document.Definitions.OfType<GraphQLSchemaDefinition>().FirstOrDefault() is { } schema)
        {
            foreach (var root in schema.OperationTypes)
            {
                roots[root.Operation] = root.Type!.Name.StringValue;
            }
        }
        else
        {
            foreach (var (operation, name) in new[] { (OperationType.Query, "Query"), (OperationType.Mutation, "Mutation"), (OperationType.Subscription, "Subscription") })
            {
                if (types.ContainsKey(name))
                {
                    roots[operation] = name;
                }
            }
        }

        return new ApiSchema(types, roots);
    }

    /// <summary>How a system owner would name the kind of a type.</summary>
    public static string KindName(GraphQLTypeDefinition definition) => definition switch
    {
        GraphQLObjectTypeDefinition => "object type",
        GraphQLInterfaceTypeDefinition => "interface",
        GraphQLUnionTypeDefinition => "union",
        GraphQLEnumTypeDefinition => "enum",
        GraphQLInputObjectTypeDefinition => "input type",
        GraphQLScalarTypeDefinition => "scalar",
        _ => definition.Kind.ToString(),
    };
}
