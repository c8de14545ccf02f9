using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>Interfaces an object or interface type implements: dropping one breaks fragments on it.</summary>
internal static class InterfaceChanges
{
    public static void Compare(string typeName, GraphQLImplementsInterfaces? before, GraphQLImplementsInterfaces? after, List<SchemaChange> changes)
    {
        var old = Names(before);
        var current = Names(after);
        foreach (var name in old.Except(current))
        {
            changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.InterfaceRemoved, typeName,
                $"Type {typeName} no longer implements {name}: queries that reach {typeName} through {name} will fail or lose data."));
        }

        foreach (var name in current.Except(old))
        {
            changes.Add(new(SchemaChangeSeverity.Dangerous, SchemaChangeCodes.InterfaceAdded, typeName,
                $"Type {typeName} implements {name}: clients that list the types behind {name} may meet one they do not handle."));
        }
    }

    private static List<string> Names(GraphQLImplementsInterfaces? interfaces) =>
        interfaces?.Items.Select(i => i.Name.StringValue).ToList() ?? [];
}
