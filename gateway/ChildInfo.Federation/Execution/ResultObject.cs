using System.Text.Json;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// An object of the merged result: what every fetch so far returned for it, by response key. Values are
/// <see cref="JsonElement"/> leaves, <see cref="ResultObject"/>, <see cref="ResultList"/> or null.
/// </summary>
internal sealed class ResultObject
{
    private readonly List<KeyValuePair<string, object?>> _fields;

    public ResultObject(JsonElement raw, int capacity = 4)
    {
        Raw = raw;
        _fields = new List<KeyValuePair<string, object?>>(capacity);
    }

    /// <summary>The JSON it was first read from (used when a custom scalar's value is an object).</summary>
    public JsonElement Raw { get; }

    public IReadOnlyList<KeyValuePair<string, object?>> Fields => _fields;

    public string? Typename => Get("__typename") is JsonElement { ValueKind: JsonValueKind.String } e ? e.GetString() : null;

    public object? Get(string key)
    {
        foreach (var field in _fields)
        {
            if (field.Key == key)
            {
                return field.Value;
            }
        }

        return null;
    }

    public bool Contains(string key)
    {
        foreach (var field in _fields)
        {
            if (field.Key == key)
            {
                return true;
            }
        }

        return false;
    }

    public void Set(string key, object? value)
    {
        for (var i = 0; i < _fields.Count; i++)
        {
            if (_fields[i].Key == key)
            {
                _fields[i] = new KeyValuePair<string, object?>(key, value);
                return;
            }
        }

        _fields.Add(new KeyValuePair<string, object?>(key, value));
    }

    /// <summary>Merges a JSON object from a subgraph into this object.</summary>
    public void Merge(JsonElement source)
    {
        foreach (var property in source.EnumerateObject())
        {
            var existing = Get(property.Name);
            var value = property.Value;
            switch (value.ValueKind)
            {
                case JsonValueKind.Object when existing is ResultObject target:
                    target.Merge(value);
                    break;
                case JsonValueKind.Array when existing is ResultList list && list.Items.Count == value.GetArrayLength():
                    list.Merge(value);
                    break;
                default:
                    Set(property.Name, Convert(value));
                    break;
            }
        }
    }

    public static object? Convert(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ResultObject(value);
                obj.Merge(value);
                return obj;
            case JsonValueKind.Array:
                var list = new ResultList(value);
                foreach (var item in value.EnumerateArray())
                {
                    list.Items.Add(Convert(item));
                }

                return list;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return null;
            default:
                return value;
        }
    }
}
