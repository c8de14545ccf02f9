using ChildInfo.Federation.Planning;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// Which fields an entity representation carries beyond its key (see <see cref="ForwardedFields"/>): read from the
/// object as it is sent, so a field a record guard dropped, or one the object does not hold, is not counted.
/// </summary>
internal static class Forwarding
{
    /// <summary>How deep a required selection is followed (composition refuses cycles; this bounds the walk anyway).</summary>
    private const int MaxDepth = 16;

    /// <summary>Whether <paramref name="fields"/> name anything but <c>__typename</c> and the key's top-level fields.</summary>
    public static bool BeyondKey(IReadOnlyList<PlannedField> fields, IReadOnlyList<FieldSetNode> key)
    {
        foreach (var field in fields)
        {
            if (field.Name is null ? BeyondKey(field.Children, key) : field.Name != "__typename" && !InKey(field.Name, key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds to <paramref name="found"/> the coordinates of the fields beyond the key that a representation of
    /// <paramref name="obj"/> carries, each once.
    /// </summary>
    public static void Of(SupergraphSchema schema, ResultObject obj, string typeName, IReadOnlyList<PlannedField> fields, IReadOnlyList<FieldSetNode> key, List<string> found) =>
        Collect(schema, obj, typeName, fields, key, found, 0);

    private static void Collect(SupergraphSchema schema, ResultObject obj, string typeName, IReadOnlyList<PlannedField> fields, IReadOnlyList<FieldSetNode>? key, List<string> found, int depth)
    {
        // The type is the same for every field here (a type condition recurses with its own): looked up once.
        var type = schema.Types.GetValueOrDefault(typeName);
        foreach (var field in fields)
        {
            if (field.Name is null)
            {
                if (obj.Typename is { } runtime && schema.Matches(runtime, field.TypeCondition!))
                {
                    Collect(schema, obj, runtime, field.Children, key, found, depth);
                }

                continue;
            }

            if (field.Name == "__typename" || !obj.Contains(field.ResponseKey!) || (key is not null && InKey(field.Name, key)))
            {
                continue;
            }

            var coordinate = type?.Coordinate(field.Name) ?? typeName + "." + field.Name;
            if (!found.Contains(coordinate))
            {
                found.Add(coordinate);
            }

            if (field.Children.Count > 0 && depth < MaxDepth && type is not null && type.Fields.TryGetValue(field.Name, out var definition))
            {
                Nested(schema, obj.Get(field.ResponseKey!), definition.Type.NamedType, field.Children, found, depth + 1);
            }
        }
    }

    private static void Nested(SupergraphSchema schema, ResultValue value, string namedType, IReadOnlyList<PlannedField> fields, List<string> found, int depth)
    {
        if (value.Object is { } obj)
        {
            Collect(schema, obj, obj.Typename ?? namedType, fields, null, found, depth);
        }
        else if (value.List is { } list)
        {
            foreach (var item in list.Items)
            {
                Nested(schema, item, namedType, fields, found, depth);
            }
        }
    }

    private static bool InKey(string name, IReadOnlyList<FieldSetNode> key)
    {
        foreach (var node in key)
        {
            if (!node.IsFragment && node.FieldName == name)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Records on each object of one entity call the fields its representation carried beyond the key. Most objects of a
/// call carry the same fields, so they share one <see cref="ForwardedFields"/> (and one list holding it) rather than
/// each allocating its own.
/// </summary>
internal sealed class ForwardingRecorder(string service)
{
    private readonly List<string> _found = [];
    private ForwardedFields? _last;
    private ForwardedFields[] _lastAlone = [];

    /// <summary>Called under the gate, for an object whose representation was just written.</summary>
    public void Record(SupergraphSchema schema, ResultObject obj, string typeName, IReadOnlyList<PlannedField> fields, IReadOnlyList<FieldSetNode> key)
    {
        _found.Clear();
        Forwarding.Of(schema, obj, typeName, fields, key, _found);
        if (_found.Count == 0)
        {
            return;
        }

        if (_last is null || !_last.Fields.SequenceEqual(_found))
        {
            _last = new ForwardedFields(service, [.. _found]);
            _lastAlone = [_last];
        }

        obj.Forward(_last, _lastAlone);
    }
}
