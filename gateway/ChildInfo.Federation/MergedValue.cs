using System.Text.Json;
using ChildInfo.Federation.Execution;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation;

/// <summary>
/// A value of the client's <c>data</c> exactly as it is written (the fields asked for under their response keys, nulls
/// propagated, withheld fields and hidden enum values null), read from the merged result instead of from the written
/// JSON: what a host reads of a response (its audit) without parsing it back. It mirrors the part of
/// <see cref="JsonElement"/>'s reading API that such a reader needs. Valid only inside
/// <see cref="IMergedResponseReader.Read"/>: the subgraph answers it reads are released when execution ends.
/// </summary>
public readonly struct MergedValue
{
    private readonly ResponseWriter? _writer;
    private readonly ResultObject? _object;
    private readonly ResultList? _list;
    private readonly ShapeField[]? _fields;
    private readonly ShapeField? _field;
    private readonly TypeRef? _itemType;
    private readonly string? _text;
    private readonly JsonElement _raw;
    private readonly Reading _reading;

    private MergedValue(ResponseWriter? writer, ResultObject? obj, ResultList? list, ShapeField[]? fields, ShapeField? field, TypeRef? itemType, string? text, JsonElement raw, Reading reading = Reading.AsWritten)
    {
        _reading = reading;
        _writer = writer;
        _object = obj;
        _list = list;
        _fields = fields;
        _field = field;
        _itemType = itemType;
        _text = text;
        _raw = raw;
    }

    /// <summary>How a value is read: as written, or (for an account of what the gateway did) from behind a null.</summary>
    private enum Reading : byte
    {
        /// <summary>As the response writes it.</summary>
        AsWritten,

        /// <summary>A null the response writes by null propagation, where the merged result holds an object or a list.</summary>
        Nulled,

        /// <summary>What the merged result holds, null propagation disregarded (see <see cref="BehindNull"/>).</summary>
        Behind,
    }

    /// <summary>What the value is, as its JSON would say: object, array, string, number, true, false or null.</summary>
    public JsonValueKind ValueKind =>
        _reading == Reading.Nulled ? JsonValueKind.Null
        : _fields is not null ? JsonValueKind.Object
        : _list is not null ? JsonValueKind.Array
        : _text is not null ? JsonValueKind.String
        : _raw.ValueKind == JsonValueKind.Undefined ? JsonValueKind.Null
        : _raw.ValueKind;

    /// <summary>The type name an object is written for (its runtime type, or the field's type for an interface object).</summary>
    public string? TypeName { get; private init; }

    /// <summary>
    /// What of this object the gateway sent to other subgraphs beyond an entity's key (for their <c>@requires</c>),
    /// whether or not the client asked for those fields; empty for anything but such an object.
    /// </summary>
    public IReadOnlyList<ForwardedFields> Forwarded => _reading != Reading.Nulled && _fields is not null && _object?.Forwarded is { } forwarded ? forwarded : [];

    /// <summary>
    /// For a null written by null propagation (a non-null field below came back null, so the response nulls its
    /// nearest nullable parent), the object or list the gateway merged there, and everything below it, read with
    /// propagation disregarded; for any other value, no value (<c>default</c>). Never what the caller was shown: what a
    /// host reads to account for what the gateway did to answer, such as what it sent from one service to another.
    /// </summary>
    public MergedValue BehindNull =>
        _reading == Reading.Nulled ? new(_writer, _object, _list, _fields, _field, _itemType, null, default, Reading.Behind) { TypeName = TypeName } : default;

    /// <summary>The entry <paramref name="name"/> (a response key) of an object, as it is written.</summary>
    public bool TryGetProperty(string name, out MergedValue value)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (_fields is not null && _reading != Reading.Nulled)
        {
            foreach (var field in _fields)
            {
                if (string.Equals(field.ResponseKey, name, StringComparison.Ordinal))
                {
                    value = Entry(field);
                    return true;
                }
            }
        }
        else if (_raw.ValueKind == JsonValueKind.Object && _raw.TryGetProperty(name, out var raw))
        {
            value = Raw(raw);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>An object's entries in the order they are written.</summary>
    public IEnumerable<KeyValuePair<string, MergedValue>> EnumerateObject()
    {
        if (_fields is not null && _reading != Reading.Nulled)
        {
            foreach (var field in _fields)
            {
                yield return new(field.ResponseKey, Entry(field));
            }
        }
        else if (_raw.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in _raw.EnumerateObject())
            {
                yield return new(property.Name, Raw(property.Value));
            }
        }
    }

    /// <summary>How many items an array has.</summary>
    public int GetArrayLength() =>
        _list is not null && _reading != Reading.Nulled ? _list.Items.Length : (_raw.ValueKind == JsonValueKind.Array ? _raw.GetArrayLength() : throw new InvalidOperationException("The value is not an array."));

    /// <summary>The item at <paramref name="index"/> of an array.</summary>
    public MergedValue this[int index] =>
        _list is not null && _reading != Reading.Nulled ? Of(_writer!, _list.Items[index], _itemType!, _field!, _reading) : Raw(_raw[index]);

    /// <summary>A string's value; null for a JSON null; throws for anything else, as <see cref="JsonElement.GetString"/> does.</summary>
    public string? GetString() => _text ?? (_raw.ValueKind == JsonValueKind.Undefined ? null : _raw.GetString());

    /// <summary>The JSON text of a number, <c>true</c>, <c>false</c> or <c>null</c> (as <see cref="JsonElement.GetRawText"/> gives it).</summary>
    public string GetRawText() => ValueKind switch
    {
        JsonValueKind.Null => "null",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => _raw.GetRawText(),
        _ => throw new InvalidOperationException("Only a number, true, false or null has raw text here."),
    };

    /// <summary>The whole <c>data</c> of a response: null when null propagation reached it (with the merged result behind).</summary>
    internal static MergedValue Data(ResponseWriter writer, ResultObject data, OperationShape shape, bool complete) =>
        Object(writer, data, shape.RootType, shape.RootFields, complete ? Reading.AsWritten : Reading.Nulled);

    private static MergedValue Object(ResponseWriter writer, ResultObject obj, string typeName, ShapeField[] fields, Reading reading) =>
        new(writer, obj, null, fields, null, null, null, default, reading) { TypeName = typeName };

    private static MergedValue Raw(JsonElement raw) => new(null, null, null, null, null, null, null, raw);

    private static MergedValue Raw(ResultValue value) =>
        value.IsLeaf ? Raw(value.Leaf)
        : value.Object is { } obj ? Raw(obj.Raw)
        : value.List is { } list ? Raw(list.Raw)
        : default;

    /// <summary>One entry of an object, as <c>ResponseWriter.WriteObject</c> writes it.</summary>
    private MergedValue Entry(ShapeField field)
    {
        if (field.IsTypename)
        {
            return new(null, null, null, null, null, null, TypeName, default);
        }

        if (field.Withheld is not null || (_object!.WithheldFields?.ContainsKey(field.FieldName) ?? false))
        {
            return default;
        }

        var value = _object.Get(field.FetchKey);
        return field.IsIntrospection ? Raw(value) : Of(_writer!, value, field.Type.Nullable, field, _reading);
    }

    /// <summary>
    /// A value in a position of <paramref name="type"/> (not non-null), as <c>ResponseWriter.WriteValue</c> writes it;
    /// under <see cref="Reading.Behind"/>, as merged. <paramref name="reading"/> is the enclosing value's.
    /// </summary>
    private static MergedValue Of(ResponseWriter writer, ResultValue value, TypeRef type, ShapeField field, Reading reading)
    {
        if (value.IsNull)
        {
            return default;
        }

        if (reading != Reading.Behind && value.Node is { } node && writer.IsNulled(node))
        {
            // Written as null; what was merged stays readable through BehindNull.
            reading = Reading.Nulled;
        }
        else if (reading != Reading.Behind)
        {
            reading = Reading.AsWritten;
        }

        if (type.Kind == TypeRefKind.List)
        {
            return value.List is { } list ? new(writer, null, list, null, field, type.OfType!.Nullable, null, default, reading) : default;
        }

        if (field.SubByType is null)
        {
            return writer.IsHiddenEnumValue(value, type.Name!) ? default : Raw(value);
        }

        if (value.Object is { } obj)
        {
            if (writer.RuntimeType(obj, type.Name!) is { } runtime && field.SubByType.TryGetValue(runtime, out var fields))
            {
                return Object(writer, obj, runtime, fields, reading);
            }

            if (field.SubForAnyType is { } any)
            {
                return Object(writer, obj, type.Name!, any, reading);
            }
        }

        return default;
    }
}
