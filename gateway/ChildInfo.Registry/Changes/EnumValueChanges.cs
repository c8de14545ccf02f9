using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>Values of an enum: removing one breaks queries that pass it; adding one may surprise clients that switch on it.</summary>
internal static class EnumValueChanges
{
    public static void Compare(string enumName, GraphQLEnumValuesDefinition? before, GraphQLEnumValuesDefinition? after, List<SchemaChange> changes)
    {
        var old = Names(before);
        var current = Names(after);
        foreach (var name in old.Except(current))
        {
            changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.EnumValueRemoved, $"{enumName}.{name}",
                $"Enum value {enumName}.{name} is removed: queries that pass it will fail, and clients waiting for it will never see it again."));
        }

        foreach (var name in current.Except(old))
        {
            changes.Add(new(SchemaChangeSeverity.Dangerous, SchemaChangeCodes.EnumValueAdded, $"{enumName}.{name}",
                $"Enum value {enumName}.{name} is added: clients that do not expect it may fail when they receive it."));
        }
    }

    private static List<string> Names(GraphQLEnumValuesDefinition? values) =>
        values?.Items.Select(v => v.Name.StringValue).ToList() ?? [];
}
