using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>Members of a union: removing one breaks fragments on it; adding one gives clients a type they may not handle.</summary>
internal static class UnionMemberChanges
{
    public static void Compare(string unionName, GraphQLUnionMemberTypes? before, GraphQLUnionMemberTypes? after, List<SchemaChange> changes)
    {
        var old = Names(before);
        var current = Names(after);
        foreach (var name in old.Except(current))
        {
            changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.UnionMemberRemoved, unionName,
                $"Type {name} is removed from union {unionName}: queries with a fragment on {name} there will fail."));
        }

        foreach (var name in current.Except(old))
        {
            changes.Add(new(SchemaChangeSeverity.Dangerous, SchemaChangeCodes.UnionMemberAdded, unionName,
                $"Type {name} is added to union {unionName}: clients may receive a {name} they do not handle."));
        }
    }

    private static List<string> Names(GraphQLUnionMemberTypes? members) =>
        members?.Items.Select(m => m.Name.StringValue).ToList() ?? [];
}
