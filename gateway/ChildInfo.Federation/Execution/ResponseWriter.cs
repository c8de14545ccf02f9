using System.Text.Json;
using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// Writes the client's <c>data</c> from the merged result: exactly the fields the client asked for, in its order,
/// under its aliases. A first pass applies null propagation (GraphQL spec §6.4.4) and records the errors for nulls
/// in non-null positions; the second writes.
/// </summary>
internal sealed class ResponseWriter
{
    private readonly SupergraphSchema _schema;
    private readonly ExecutionState _state;
    private readonly HashSet<object> _nulled = new(ReferenceEqualityComparer.Instance);
    private readonly List<object> _path = [];
    private readonly Dictionary<string, int> _withheldCounts = new(StringComparer.Ordinal);
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>>? _hiddenEnumValues;
    private Dictionary<FieldAccess, int>? _guardWithheld;
    private ErrorPathIndex? _errorPaths;

    public ResponseWriter(SupergraphSchema schema, ExecutionState state)
    {
        _schema = schema;
        _hiddenEnumValues = schema.HiddenEnumValues;
        _state = state;
    }

    /// <summary>Applies null propagation; returns false when <c>data</c> itself becomes null.</summary>
    public bool Complete(OperationShape shape) => !CheckObject(_state.Data, shape.RootType, shape.RootFields);

    public void WriteData(Utf8JsonWriter writer, OperationShape shape) => WriteObject(writer, _state.Data, shape.RootType, shape.RootFields);

    /// <summary>How many positions of the response held the withheld field <paramref name="coordinate"/> (after <see cref="Complete"/>).</summary>
    public int WithheldCount(string coordinate) => _withheldCounts.TryGetValue(coordinate, out var count) ? count : 0;

    /// <summary>What a record guard withheld from the response, each decision with how often it stood there (after <see cref="Complete"/>).</summary>
    public IReadOnlyList<WithheldField> GuardWithheld() =>
        _guardWithheld is null ? [] : [.. _guardWithheld.Select(w => new WithheldField(w.Key, w.Value))];

    private bool CheckObject(ResultObject obj, string typeName, ShapeField[] fields)
    {
        foreach (var field in fields)
        {
            if (field.IsTypename || field.IsIntrospection)
            {
                continue;
            }

            _path.Add(field.ResponseKey);
            var guarded = obj.WithheldFields is { } withheldFields && withheldFields.TryGetValue(field.FieldName, out var byGuard) ? byGuard : null;
            if ((field.Withheld ?? guarded) is { } withheld)
            {
                // Never fetched (or dropped by the record guard) and always written as null: a non-null field takes its
                // nearest nullable parent with it.
                _state.Errors.Add(WithheldSummary.Error(withheld, [.. _path]));
                if (field.Withheld is null)
                {
                    CountGuarded(withheld);
                }
                else
                {
                    _withheldCounts[withheld.Coordinate] = WithheldCount(withheld.Coordinate) + 1;
                }

                _path.RemoveAt(_path.Count - 1);
                if (field.Type.IsNonNull)
                {
                    _nulled.Add(obj);
                    return true;
                }

                continue;
            }

            var isNull = Check(obj.Get(field.FetchKey), field.Type, field);
            _path.RemoveAt(_path.Count - 1);
            if (isNull && field.Type.IsNonNull)
            {
                _nulled.Add(obj);
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns true when the value completes to null.</summary>
    private bool Check(ResultValue value, TypeRef type, ShapeField field)
    {
        if (type.Kind == TypeRefKind.NonNull)
        {
            if (Check(value, type.OfType!, field))
            {
                ReportNull(field);
                return true;
            }

            return false;
        }

        if (value.IsNull)
        {
            return true;
        }

        if (type.Kind == TypeRefKind.List)
        {
            if (value.List is not { } list)
            {
                return true;
            }

            for (var i = 0; i < list.Items.Length; i++)
            {
                _path.Add(PathIndex.Of(i));
                var itemNull = Check(list.Items[i], type.OfType!, field);
                _path.RemoveAt(_path.Count - 1);
                if (itemNull && type.OfType!.IsNonNull)
                {
                    _nulled.Add(list);
                    return true;
                }
            }

            return false;
        }

        if (field.SubByType is null)
        {
            if (_hiddenEnumValues is not null && IsHiddenEnumValue(value, type.Name!))
            {
                // Not a value of the API schema: null, as GraphQL's result coercion would make it, with the reason.
                _state.Errors.Add(new GraphQLError(
                    $"Enum \"{type.Name}\" cannot represent value: {value.Leaf.GetRawText()}.", ErrorCodes.InaccessibleEnumValue, _path.ToArray()));
                return true;
            }

            return false;
        }

        if (value.Object is not { } obj)
        {
            return true;
        }

        if (obj.WithheldRecord is { } record)
        {
            // The record guard withheld the whole object: null in its place, with the decision, under the field holding it.
            var decision = record with { Coordinate = field.ParentType + "." + field.FieldName };
            _state.Errors.Add(WithheldSummary.Error(decision, [.. _path]));
            CountGuarded(decision);
            _nulled.Add(obj);
            return true;
        }

        var runtime = RuntimeType(obj, type.Name!);
        if (runtime is null || !field.SubByType.TryGetValue(runtime, out var fields))
        {
            if (field.SubForAnyType is not { } any)
            {
                _nulled.Add(obj);
                return true;
            }

            return CheckObject(obj, type.Name!, any);
        }

        return CheckObject(obj, runtime, fields);
    }

    private void CountGuarded(FieldAccess decision)
    {
        _guardWithheld ??= [];
        _guardWithheld[decision] = _guardWithheld.GetValueOrDefault(decision) + 1;
    }

    /// <summary>True when null propagation (<see cref="Complete"/>) made this object or list null.</summary>
    internal bool IsNulled(object node) => _nulled.Contains(node);

    internal bool IsHiddenEnumValue(ResultValue value, string typeName) =>
        _hiddenEnumValues is not null && value.IsLeaf && value.Leaf.ValueKind == JsonValueKind.String && _hiddenEnumValues.TryGetValue(typeName, out var hidden)
        && hidden.Contains(value.Leaf.GetString()!);

    internal string? RuntimeType(ResultObject obj, string namedType) =>
        _schema.GetType(namedType).IsAbstract ? obj.Typename : namedType;

    private void ReportNull(ShapeField field)
    {
        // Not when an error already explains it: one at, above or below this path, or a failed fetch above it.
        if ((_errorPaths ??= new ErrorPathIndex(_state)).Covers(_path))
        {
            return;
        }

        _state.Errors.Add(new GraphQLError(
            $"Cannot return null for non-nullable field {field.ParentType}.{field.FieldName}.",
            ErrorCodes.NonNullViolation,
            _path.ToArray()));
    }

    private void WriteObject(Utf8JsonWriter writer, ResultObject obj, string typeName, ShapeField[] fields)
    {
        writer.WriteStartObject();
        foreach (var field in fields)
        {
            writer.WritePropertyName(field.EncodedKey);
            if (field.IsTypename)
            {
                writer.WriteStringValue(typeName);
                continue;
            }

            if (field.Withheld is not null || (obj.WithheldFields?.ContainsKey(field.FieldName) ?? false))
            {
                writer.WriteNullValue();
                continue;
            }

            var value = obj.Get(field.FetchKey);
            if (field.IsIntrospection)
            {
                WriteRaw(writer, value);
                continue;
            }

            WriteValue(writer, value, field.Type.Nullable, field);
        }

        writer.WriteEndObject();
    }

    private void WriteValue(Utf8JsonWriter writer, ResultValue value, TypeRef type, ShapeField field)
    {
        // Only objects and lists are ever nulled by propagation, so leaves skip the lookup.
        if (value.IsNull || (value.Node is { } node && _nulled.Contains(node)))
        {
            writer.WriteNullValue();
            return;
        }

        if (type.Kind == TypeRefKind.List)
        {
            if (value.List is not { } list)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            foreach (var item in list.Items)
            {
                WriteValue(writer, item, type.OfType!.Nullable, field);
            }

            writer.WriteEndArray();
            return;
        }

        if (field.SubByType is null)
        {
            if (IsHiddenEnumValue(value, type.Name!))
            {
                writer.WriteNullValue();
                return;
            }

            WriteRaw(writer, value);
            return;
        }

        if (value.Object is { } obj)
        {
            if (RuntimeType(obj, type.Name!) is { } runtime && field.SubByType.TryGetValue(runtime, out var fields))
            {
                WriteObject(writer, obj, runtime, fields);
                return;
            }

            if (field.SubForAnyType is { } any)
            {
                // An interface object whose concrete type was not needed: the fields every type shares.
                WriteObject(writer, obj, type.Name!, any);
                return;
            }
        }

        writer.WriteNullValue();
    }

    private static void WriteRaw(Utf8JsonWriter writer, ResultValue value)
    {
        if (value.IsLeaf)
        {
            value.Leaf.WriteTo(writer);
        }
        else if (value.Object is { } obj)
        {
            obj.Raw.WriteTo(writer);
        }
        else if (value.List is { } list)
        {
            list.Raw.WriteTo(writer);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
