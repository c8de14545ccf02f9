using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>
/// Arguments of a field. Callers may rely on an argument existing, accepting what they pass today and being optional;
/// they may not rely on it rejecting null, so loosening an argument is safe.
/// </summary>
internal static class ArgumentChanges
{
    public static void Compare(string fieldCoordinate, GraphQLArgumentsDefinition? before, GraphQLArgumentsDefinition? after, List<SchemaChange> changes)
    {
        var old = InputValues.ByName(before?.Items);
        var current = InputValues.ByName(after?.Items);
        foreach (var (name, argument) in old)
        {
            var coordinate = $"{fieldCoordinate}({name}:)";
            if (!current.TryGetValue(name, out var replacement))
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.ArgumentRemoved, coordinate,
                    $"Argument {coordinate} is removed: queries that pass it will fail."));
                continue;
            }

            CompareType(coordinate, argument.Type, replacement.Type, changes);
            var (from, to) = (InputValues.Default(argument), InputValues.Default(replacement));
            if (from != to)
            {
                changes.Add(new(SchemaChangeSeverity.Dangerous, SchemaChangeCodes.ArgumentDefaultChanged, coordinate,
                    $"Argument {coordinate} defaults to {to ?? "nothing"} instead of {from ?? "nothing"}: queries that leave it out may get different results."));
            }
        }

        foreach (var (name, argument) in current.Where(a => !old.ContainsKey(a.Key)))
        {
            var coordinate = $"{fieldCoordinate}({name}:)";
            changes.Add(TypeReferences.IsRequired(argument)
                ? new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.RequiredArgumentAdded, coordinate,
                    $"Required argument {coordinate} is added with no default: queries that do not pass it will fail.")
                : new(SchemaChangeSeverity.Safe, SchemaChangeCodes.OptionalArgumentAdded, coordinate,
                    $"Optional argument {coordinate} is added."));
        }
    }

    private static void CompareType(string coordinate, GraphQLType before, GraphQLType after, List<SchemaChange> changes)
    {
        var from = TypeReferences.Print(before);
        var to = TypeReferences.Print(after);
        switch (TypeReferences.Compare(before, after))
        {
            case TypeReferenceChange.Tightened:
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.ArgumentMadeRequired, coordinate,
                    $"Argument {coordinate} no longer accepts null ({from} to {to}): queries that pass null, or leave it out with no default, will fail."));
                break;
            case TypeReferenceChange.Loosened:
                changes.Add(new(SchemaChangeSeverity.Safe, SchemaChangeCodes.ArgumentMadeOptional, coordinate,
                    $"Argument {coordinate} accepts null ({from} to {to})."));
                break;
            case TypeReferenceChange.Changed:
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.ArgumentTypeChanged, coordinate,
                    $"Argument {coordinate} changes type from {from} to {to}: queries that pass it may fail."));
                break;
        }
    }
}
