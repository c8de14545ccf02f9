using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>
/// Fields of input types, which clients build and send: a new required field or a removed field breaks what they send
/// today; a new optional field is dangerous, because leaving it out must keep today's meaning.
/// </summary>
internal static class InputFieldChanges
{
    public static void Compare(string typeName, GraphQLInputFieldsDefinition? before, GraphQLInputFieldsDefinition? after, List<SchemaChange> changes)
    {
        var old = InputValues.ByName(before?.Items);
        var current = InputValues.ByName(after?.Items);
        foreach (var (name, field) in old)
        {
            var coordinate = $"{typeName}.{name}";
            if (!current.TryGetValue(name, out var replacement))
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.InputFieldRemoved, coordinate,
                    $"Input field {coordinate} is removed: queries that send it will fail."));
                continue;
            }

            CompareType(coordinate, field.Type, replacement.Type, changes);
            var (from, to) = (InputValues.Default(field), InputValues.Default(replacement));
            if (from != to)
            {
                changes.Add(new(SchemaChangeSeverity.Dangerous, SchemaChangeCodes.InputFieldDefaultChanged, coordinate,
                    $"Input field {coordinate} defaults to {to ?? "nothing"} instead of {from ?? "nothing"}: queries that leave it out may get different results."));
            }
        }

        foreach (var (name, field) in current.Where(f => !old.ContainsKey(f.Key)))
        {
            var coordinate = $"{typeName}.{name}";
            changes.Add(TypeReferences.IsRequired(field)
                ? new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.RequiredInputFieldAdded, coordinate,
                    $"Required input field {coordinate} is added: queries that send a {typeName} without it will fail.")
                : new(SchemaChangeSeverity.Dangerous, SchemaChangeCodes.OptionalInputFieldAdded, coordinate,
                    $"Optional input field {coordinate} is added: queries keep working, provided leaving it out keeps today's meaning."));
        }
    }

    private static void CompareType(string coordinate, GraphQLType before, GraphQLType after, List<SchemaChange> changes)
    {
        var from = TypeReferences.Print(before);
        var to = TypeReferences.Print(after);
        switch (TypeReferences.Compare(before, after))
        {
            case TypeReferenceChange.Tightened:
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.InputFieldMadeRequired, coordinate,
                    $"Input field {coordinate} no longer accepts null ({from} to {to}): queries that send null, or leave it out with no default, will fail."));
                break;
            case TypeReferenceChange.Loosened:
                changes.Add(new(SchemaChangeSeverity.Safe, SchemaChangeCodes.InputFieldMadeOptional, coordinate,
                    $"Input field {coordinate} accepts null ({from} to {to})."));
                break;
            case TypeReferenceChange.Changed:
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.InputFieldTypeChanged, coordinate,
                    $"Input field {coordinate} changes type from {from} to {to}: queries that send it may fail."));
                break;
        }
    }
}
