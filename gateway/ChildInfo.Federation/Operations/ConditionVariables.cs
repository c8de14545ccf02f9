using System.Text.Json;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>The variables that <c>@include</c>/<c>@skip</c> use, and the plan key their values make.</summary>
internal static class ConditionVariables
{
    public const int Max = 64;

    private static readonly Dictionary<string, bool> NoConditions = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> Find(GraphQLDocument document)
    {
        var names = new List<string>();
        foreach (var definition in document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    Walk(operation.SelectionSet, names);
                    break;
                case GraphQLFragmentDefinition fragment:
                    Walk(fragment.SelectionSet, names);
                    break;
            }
        }

        return names;
    }

    public static (ulong Key, IReadOnlyDictionary<string, bool> Values) Evaluate(CompiledOperation operation, JsonElement variables)
    {
        if (operation.ConditionVariables.Count == 0)
        {
            // Most operations have no @include/@skip variables: one plan, no dictionary to build per request.
            return (0, NoConditions);
        }

        ulong key = 0;
        var values = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < operation.ConditionVariables.Count; i++)
        {
            var name = operation.ConditionVariables[i];
            var value = variables.ValueKind == JsonValueKind.Object && variables.TryGetProperty(name, out var given)
                ? given.ValueKind == JsonValueKind.True
                : DefaultOf(operation.Operation, name);
            values[name] = value;
            if (value)
            {
                key |= 1UL << i;
            }
        }

        return (key, values);
    }

    private static bool DefaultOf(GraphQLOperationDefinition operation, string name)
    {
        foreach (var definition in operation.Variables?.Items ?? [])
        {
            if (definition.Variable.Name.StringValue == name)
            {
                return definition.DefaultValue is GraphQLBooleanValue { BoolValue: true };
            }
        }

        return false;
    }

    private static void Walk(GraphQLSelectionSet? set, List<string> names)
    {
        if (set is null)
        {
            return;
        }

        foreach (var selection in set.Selections)
        {
            if (selection is IHasDirectivesNode { Directives: not null } withDirectives)
            {
                foreach (var directive in withDirectives.Directives.Items)
                {
                    if (directive.Name.StringValue is "include" or "skip"
                        && directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value is GraphQLVariable variable
                        && !names.Contains(variable.Name.StringValue))
                    {
                        names.Add(variable.Name.StringValue);
                    }
                }
            }

            switch (selection)
            {
                case GraphQLField field:
                    Walk(field.SelectionSet, names);
                    break;
                case GraphQLInlineFragment inline:
                    Walk(inline.SelectionSet, names);
                    break;
            }
        }
    }
}
