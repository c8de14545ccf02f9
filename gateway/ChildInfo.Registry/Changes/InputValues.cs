using GraphQLParser.AST;
using GraphQLParser.Visitors;

namespace ChildInfo.Registry;

/// <summary>Shared reading of input values (arguments and input fields): by name, and default values as text.</summary>
internal static class InputValues
{
    public static Dictionary<string, GraphQLInputValueDefinition> ByName(IEnumerable<GraphQLInputValueDefinition>? values)
    {
        var byName = new Dictionary<string, GraphQLInputValueDefinition>(StringComparer.Ordinal);
        foreach (var value in values ?? [])
        {
            byName.TryAdd(value.Name.StringValue, value);
        }

        return byName;
    }

    /// <summary>The default value as GraphQL text, or null when there is none.</summary>
    public static string? Default(GraphQLInputValueDefinition value) =>
        value.DefaultValue is null ? null : new SDLPrinter().Print(value.DefaultValue);
}
