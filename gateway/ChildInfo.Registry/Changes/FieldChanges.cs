using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>
/// Output fields of object and interface types. A client may rely on a field existing, on its type and on it never
/// being null; it may not rely on a field being nullable, so making one non-null is safe.
/// </summary>
internal static class FieldChanges
{
    public static void Compare(string typeName, GraphQLFieldsDefinition? before, GraphQLFieldsDefinition? after, List<SchemaChange> changes)
    {
        var current = ByName(after);
        var old = ByName(before);
        foreach (var (name, field) in old)
        {
            var coordinate = $"{typeName}.{name}";
            if (!current.TryGetValue(name, out var replacement))
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.FieldRemoved, coordinate,
                    $"Field {coordinate} is removed: queries that ask for it will fail."));
                continue;
            }

            CompareType(coordinate, field.Type, replacement.Type, changes);
            ArgumentChanges.Compare(coordinate, field.Arguments, replacement.Arguments, changes);
        }

        foreach (var name in current.Keys.Where(n => !old.ContainsKey(n)))
        {
            var coordinate = $"{typeName}.{name}";
            changes.Add(new(SchemaChangeSeverity.Safe, SchemaChangeCodes.FieldAdded, coordinate, $"Field {coordinate} is added."));
        }
    }

    private static void CompareType(string coordinate, GraphQLType before, GraphQLType after, List<SchemaChange> changes)
    {
        var from = TypeReferences.Print(before);
        var to = TypeReferences.Print(after);
        switch (TypeReferences.Compare(before, after))
        {
            case TypeReferenceChange.Loosened:
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.FieldMadeNullable, coordinate,
                    $"Field {coordinate} becomes nullable ({from} to {to}): clients that count on a value may get null."));
                break;
            case TypeReferenceChange.Tightened:
                changes.Add(new(SchemaChangeSeverity.Safe, SchemaChangeCodes.FieldMadeNonNull, coordinate,
                    $"Field {coordinate} is never null ({from} to {to})."));
                break;
            case TypeReferenceChange.Changed:
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.FieldTypeChanged, coordinate,
                    $"Field {coordinate} changes type from {from} to {to}: queries that ask for it may fail or get values they do not expect."));
                break;
        }
    }

    private static Dictionary<string, GraphQLFieldDefinition> ByName(GraphQLFieldsDefinition? fields)
    {
        var byName = new Dictionary<string, GraphQLFieldDefinition>(StringComparer.Ordinal);
        foreach (var field in fields?.Items ?? [])
        {
            byName.TryAdd(field.Name.StringValue, field);
        }

        return byName;
    }
}
