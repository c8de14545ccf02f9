using System.Text.Json;
using ChildInfo.Federation.Access;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// An object of the merged result: what every fetch so far returned for it, by response key. Values are
/// <see cref="ResultValue"/>s: leaves, objects, lists or null.
/// </summary>
internal sealed class ResultObject
{
    private readonly List<KeyValuePair<string, ResultValue>> _fields;
    private HashSet<string>? _blocked;
    private string? _typename;

    public ResultObject(JsonElement raw, int capacity = 4)
    {
        Raw = raw;
        _fields = new List<KeyValuePair<string, ResultValue>>(capacity);
    }

    /// <summary>The JSON it was first read from (used when a custom scalar's value is an object).</summary>
    public JsonElement Raw { get; }

    public IReadOnlyList<KeyValuePair<string, ResultValue>> Fields => _fields;

    /// <summary>The object's <c>__typename</c>, read once (it is asked for on every entity fetch and guard check).</summary>
    public string? Typename => _typename ??= Get("__typename") is { IsLeaf: true, Leaf: { ValueKind: JsonValueKind.String } e } ? e.GetString() : null;

    public ResultValue Get(string key)
    {
        var i = IndexOf(key);
        return i < 0 ? ResultValue.Null : _fields[i].Value;
    }

    private int IndexOf(string key)
    {
        // Keys merged from subgraph answers are mostly the plan's own strings, as are the keys the response writer
        // asks for: a pass comparing references finds them without comparing characters.
        for (var i = 0; i < _fields.Count; i++)
        {
            if (ReferenceEquals(_fields[i].Key, key))
            {
                return i;
            }
        }

        for (var i = 0; i < _fields.Count; i++)
        {
            if (string.Equals(_fields[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public bool Contains(string key) => IndexOf(key) >= 0;

    /// <summary>Set when a guarded entity fetch gave nothing for this object (failed, or answered null for it).</summary>
    public bool Unanswered { get; set; }

    /// <summary>Set once a record guard has decided on this object (it decides once).</summary>
    public bool Inspected { get; set; }

    /// <summary>The guard's decision to withhold the whole object; null when it is served.</summary>
    public FieldAccess? WithheldRecord { get; private set; }

    /// <summary>The guard's decisions withholding fields of this object, by field name; null for none.</summary>
    public Dictionary<string, FieldAccess>? WithheldFields { get; private set; }

    /// <summary>
    /// Withholds the whole object: everything but its <c>__typename</c> is dropped and nothing merges into it again,
    /// so it can be neither written nor sent onward.
    /// </summary>
    public void WithholdRecord(FieldAccess decision)
    {
        WithheldRecord = decision;
        _fields.RemoveAll(f => f.Key != "__typename");
    }

    /// <summary>Withholds a field under each of <paramref name="keys"/>: its values are dropped and never merged again.</summary>
    public void WithholdField(string fieldName, FieldAccess decision, IEnumerable<string> keys)
    {
        (WithheldFields ??= new Dictionary<string, FieldAccess>(StringComparer.Ordinal))[fieldName] = decision;
        _blocked ??= new HashSet<string>(StringComparer.Ordinal);
        _typename = null;
        foreach (var key in keys)
        {
            _blocked.Add(key);
            _fields.RemoveAll(f => f.Key == key);
        }
    }

    public void Set(string key, ResultValue value)
    {
        if (key == "__typename")
        {
            _typename = null;
        }

        var i = IndexOf(key);
        if (i >= 0)
        {
            _fields[i] = new KeyValuePair<string, ResultValue>(key, value);
            return;
        }

        _fields.Add(new KeyValuePair<string, ResultValue>(key, value));
    }

    /// <summary>Merges a JSON object from a subgraph into this object.</summary>
    public void Merge(JsonElement source, ResultNames names)
    {
        if (WithheldRecord is not null)
        {
            return;
        }

        // Room for every incoming field at once, rather than growing the list step by step.
        _fields.EnsureCapacity(_fields.Count + source.GetPropertyCount());
        foreach (var property in source.EnumerateObject())
        {
            var name = names.Of(property);
            if (_blocked is not null && _blocked.Contains(name))
            {
                continue;
            }

            // One lookup serves both the merge into an existing value and the replacement or addition.
            var index = IndexOf(name);
            var existing = index < 0 ? ResultValue.Null : _fields[index].Value;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && existing.Object is { } target)
            {
                target.Merge(value, names);
            }
            else if (value.ValueKind == JsonValueKind.Array && existing.List is { } list && list.Items.Count == value.GetArrayLength())
            {
                list.Merge(value, names);
            }
            else if (index >= 0)
            {
                _fields[index] = new KeyValuePair<string, ResultValue>(name, Convert(value, names));
            }
            else
            {
                _fields.Add(new KeyValuePair<string, ResultValue>(name, Convert(value, names)));
            }

            if (name == "__typename")
            {
                _typename = null;
            }
        }
    }

    public static ResultValue Convert(JsonElement value, ResultNames names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ResultObject(value, 0);
                obj.Merge(value, names);
                return obj;
            case JsonValueKind.Array:
                var list = new ResultList(value);
                foreach (var item in value.EnumerateArray())
                {
                    list.Items.Add(Convert(item, names));
                }

                return list;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return ResultValue.Null;
            default:
                return value;
        }
    }
}
