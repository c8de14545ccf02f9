using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// The response keys of fields the planner adds for itself (keys, required fields, record guards' fields). A field goes
/// under its own name unless the client uses that name at the same object for something else; then under the
/// planner's alias, in a namespace client documents may not use (<see cref="ReservedNames"/>). Whichever key it
/// chose is recorded in the plan (<see cref="PlannedKeys"/>), and only that key is read back.
/// </summary>
internal static class PlannerAliases
{
    /// <summary>The planner's namespace: no alias, field or variable of a client document may start with it.</summary>
    public const string Prefix = "fed__";

    public static string For(string fieldName) => Prefix + fieldName;

    /// <summary>
    /// The key for a client field of <paramref name="typeName"/> that would conflict, in one subgraph selection, with
    /// fields of other types under <paramref name="responseKey"/> (GraphQL's FieldsInSetCanMerge).
    /// </summary>
    public static string ForConflict(string typeName, string responseKey) => Prefix + typeName + "__" + responseKey;

    /// <summary>
    /// The key for a field the planner fetches with arguments of a field set (<c>price(currency: "USD")</c>): one per
    /// field and arguments, so two requirements of one field with different arguments, or the client's own use of
    /// the field, never share a key.
    /// </summary>
    public static string ForArguments(string fieldName, string argumentsText)
    {
        // FNV-1a: short, and the same in every process (string.GetHashCode is not).
        var hash = 2166136261u;
        foreach (var c in argumentsText)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return Prefix + fieldName + "__" + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The response key for a field the planner adds to an object whose client fields are <paramref name="clientFields"/>.
    /// <paramref name="siblings"/> are the client fields of every type at the same position (they share the subgraph
    /// selection through type conditions), <paramref name="graph"/> the subgraph the selection goes to and
    /// <paramref name="type"/> the added field's type there: a sibling's field under the same key must be the same
    /// field with the same type in that subgraph, or the selection would not merge.
    /// </summary>
    public static string KeyFor(
        string fieldName, IReadOnlyList<ShapeField>? clientFields, IReadOnlyDictionary<string, ShapeField[]>? siblings = null, SubgraphSchema? graph = null, TypeRef? type = null)
    {
        if (!IsTaken(fieldName, clientFields) && !IsTakenBySibling(fieldName, clientFields, siblings, graph, type))
        {
            return fieldName;
        }

        var alias = For(fieldName);
        foreach (var field in clientFields ?? [])
        {
            // Only a document that skipped validation gets here: the planner never shares its alias with a client.
            if (field.FetchKey == alias)
            {
                throw new PlanningException(ErrorCodes.ReservedName, $"The response key '{alias}' is reserved for the gateway's own use.");
            }
        }

        return alias;
    }

    /// <summary>The client's fields under a field the planner added under its own name, for one possible type.</summary>
    public static IReadOnlyList<ShapeField>? SubFields(string fieldName, string typeName, IReadOnlyList<ShapeField>? clientFields)
    {
        if (clientFields is null)
        {
            return null;
        }

        foreach (var field in clientFields)
        {
            if (field.FetchKey == fieldName && field.SubByType is not null && field.SubByType.TryGetValue(typeName, out var sub))
            {
                return sub;
            }
        }

        return null;
    }

    private static bool IsTakenBySibling(
        string fieldName, IReadOnlyList<ShapeField>? clientFields, IReadOnlyDictionary<string, ShapeField[]>? siblings, SubgraphSchema? graph, TypeRef? type)
    {
        if (siblings is null)
        {
            return false;
        }

        foreach (var fields in siblings.Values)
        {
            if (ReferenceEquals(fields, clientFields))
            {
                continue;
            }

            foreach (var field in fields)
            {
                if (field.FetchKey == fieldName && !field.IsTypename
                    && (field.FieldName != fieldName || field.Node.Arguments is { Items.Count: > 0 }
                        || !Equals(graph?.FieldType(field.ParentType, field.FieldName) ?? field.Type, type)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the client uses <paramref name="fieldName"/> as the key of anything but that very field, without arguments.</summary>
    private static bool IsTaken(string fieldName, IReadOnlyList<ShapeField>? clientFields)
    {
        if (clientFields is null)
        {
            return false;
        }

        foreach (var field in clientFields)
        {
            if (field.FetchKey == fieldName && (field.FieldName != fieldName || field.Node.Arguments is { Items.Count: > 0 }))
            {
                return true;
            }
        }

        return false;
    }
}
