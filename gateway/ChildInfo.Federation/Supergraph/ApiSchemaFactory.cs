using GraphQL.Types;

namespace ChildInfo.Federation.Supergraph;

/// <summary>Builds the GraphQL.NET schema of the API, used for validation and introspection.</summary>
public static class ApiSchemaFactory
{
    private static readonly HashSet<string> BuiltInScalars = new(StringComparer.Ordinal) { "String", "Int", "Float", "Boolean", "ID" };

    public static ISchema Create(SupergraphSchema supergraph)
    {
        ArgumentNullException.ThrowIfNull(supergraph);
        var schema = Schema.For(supergraph.ApiSdl, builder =>
        {
            // The gateway never resolves values with this schema (subgraphs do); abstract types only need a resolver to initialise.
            foreach (var type in supergraph.Types.Values)
            {
                if (type.IsAbstract && !type.Inaccessible)
                {
                    builder.Types.For(type.Name).ResolveType = _ => null!;
                }
            }
        });
        foreach (var type in supergraph.Types.Values)
        {
            if (type.Kind == SupergraphTypeKind.Scalar && !type.Inaccessible && !BuiltInScalars.Contains(type.Name))
            {
                schema.RegisterType(new PassThroughScalarGraphType(type.Name));
            }
        }

        schema.Initialize();
        return schema;
    }
}
