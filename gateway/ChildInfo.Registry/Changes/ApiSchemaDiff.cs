using GraphQLParser.AST;

namespace ChildInfo.Registry;

/// <summary>
/// Compares two API schemas (what clients can query, before and after a registry change) and says what would break.
/// Run before a change is applied so a system owner sees, in plain words, which queries would stop working.
/// </summary>
public static class ApiSchemaDiff
{
    /// <exception cref="ArgumentException">Either text is not GraphQL SDL.</exception>
    public static SchemaChangeReport Compare(string beforeSdl, string afterSdl)
    {
        var before = ApiSchema.Parse(beforeSdl, "before");
        var after = ApiSchema.Parse(afterSdl, "after");
        var changes = new List<SchemaChange>();

        foreach (var (name, definition) in before.Types)
        {
            if (!after.Types.TryGetValue(name, out var replacement))
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.TypeRemoved, name,
                    $"Type {name} is removed: queries that use it will fail."));
            }
            else if (definition.Kind != replacement.Kind)
            {
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.TypeKindChanged, name,
                    $"Type {name} changes from {ApiSchema.KindName(definition)} to {ApiSchema.KindName(replacement)}: queries that use it may fail."));
            }
            else
            {
                CompareMembers(definition, replacement, changes);
            }
        }

        foreach (var (name, definition) in after.Types)
        {
            if (!before.Types.ContainsKey(name))
            {
                changes.Add(new(SchemaChangeSeverity.Safe, SchemaChangeCodes.TypeAdded, name, $"{Capitalise(ApiSchema.KindName(definition))} {name} is added."));
            }
        }

        CompareRoots(before, after, changes);
        return new SchemaChangeReport(changes);
    }

    private static void CompareMembers(GraphQLTypeDefinition before, GraphQLTypeDefinition after, List<SchemaChange> changes)
    {
        var name = before.Name.StringValue;
        switch (before, after)
        {
            case (GraphQLObjectTypeDefinition b, GraphQLObjectTypeDefinition a):
                InterfaceChanges.Compare(name, b.Interfaces, a.Interfaces, changes);
                FieldChanges.Compare(name, b.Fields, a.Fields, changes);
                break;
            case (GraphQLInterfaceTypeDefinition b, GraphQLInterfaceTypeDefinition a):
                InterfaceChanges.Compare(name, b.Interfaces, a.Interfaces, changes);
                FieldChanges.Compare(name, b.Fields, a.Fields, changes);
                break;
            case (GraphQLUnionTypeDefinition b, GraphQLUnionTypeDefinition a):
                UnionMemberChanges.Compare(name, b.Types, a.Types, changes);
                break;
            case (GraphQLEnumTypeDefinition b, GraphQLEnumTypeDefinition a):
                EnumValueChanges.Compare(name, b.Values, a.Values, changes);
                break;
            case (GraphQLInputObjectTypeDefinition b, GraphQLInputObjectTypeDefinition a):
                InputFieldChanges.Compare(name, b.Fields, a.Fields, changes);
                break;
        }
    }

    /// <summary>A root type renamed (say mutations now start at <c>Mutations</c>) breaks every operation of that kind.</summary>
    private static void CompareRoots(ApiSchema before, ApiSchema after, List<SchemaChange> changes)
    {
        foreach (var (operation, name) in before.Roots)
        {
            if (after.Roots.TryGetValue(operation, out var replacement) && replacement != name)
            {
                var kind = operation.ToString().ToLowerInvariant();
                changes.Add(new(SchemaChangeSeverity.Breaking, SchemaChangeCodes.RootTypeChanged, replacement,
                    $"The {kind} root type changes from {name} to {replacement}: every {kind} written against {name} will fail."));
            }
        }
    }

    private static string Capitalise(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
