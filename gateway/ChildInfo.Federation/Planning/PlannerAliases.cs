using ChildInfo.Federation.Operations;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// The response keys of fields the planner adds (keys, required fields) where the client already uses the field's
/// name as the alias of something else: the planner's copy goes under an internal alias, which the response never shows.
/// </summary>
internal static class PlannerAliases
{
    private const string Prefix = "fed__";

    public static string For(string fieldName) => Prefix + fieldName;

    /// <summary>The response key for a field the planner adds to an object whose client fields are <paramref name="clientFields"/>.</summary>
    public static string KeyFor(string fieldName, IReadOnlyList<ShapeField>? clientFields) =>
        IsTaken(fieldName, clientFields) ? For(fieldName) : fieldName;

    /// <summary>The client's fields under a field the planner added under its own name, for one possible type.</summary>
    public static IReadOnlyList<ShapeField>? SubFields(string fieldName, string typeName, IReadOnlyList<ShapeField>? clientFields)
    {
        if (clientFields is null)
        {
            return null;
        }

        foreach (var field in clientFields)
        {
            if (field.ResponseKey == fieldName && field.SubByType is not null && field.SubByType.TryGetValue(typeName, out var sub))
            {
                return sub;
            }
        }

        return null;
    }

    private static bool IsTaken(string fieldName, IReadOnlyList<ShapeField>? clientFields)
    {
        if (clientFields is null)
        {
            return false;
        }

        foreach (var field in clientFields)
        {
            if (field.ResponseKey == fieldName && (field.FieldName != fieldName || field.Node.Arguments is { Items.Count: > 0 }))
            {
                return true;
            }
        }

        return false;
    }
}
