using System.Text.Json;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>The variables that <c>@include</c>/<c>@skip</c> use, and the plan key their values make.</summary>
internal static class ConditionVariables
{
    /// <summary>Most such variables an operation may use: each is one bit of the plan key.</summary>
    public const int Max = 64;

    private static readonly Dictionary<string, bool> NoConditions = new(StringComparer.Ordinal);

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

    /// <summary>The values a plan key stands for (the inverse of <see cref="Evaluate"/>'s key).</summary>
    public static IReadOnlyDictionary<string, bool> FromKey(CompiledOperation operation, ulong key)
    {
        if (operation.ConditionVariables.Count == 0)
        {
            return NoConditions;
        }

        var values = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < operation.ConditionVariables.Count; i++)
        {
            values[operation.ConditionVariables[i]] = (key & (1UL << i)) != 0;
        }

        return values;
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
}
