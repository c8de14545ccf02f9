using System.Runtime.CompilerServices;
using System.Text.Json;
using ChildInfo.Federation.Access;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// An object of the merged result: what every fetch so far returned for it, by response key. Values are
/// <see cref="ResultValue"/>s: leaves, objects, lists or null.
/// </summary>
/// <remarks>
/// A large answer holds thousands of these, and their fields were the largest share of the bytes a request allocates.
/// The fields an object is first read with live in one array of exactly their number; each later merge that adds
/// fields (an entity fetch) adds a segment of its own rather than copying the whole array into a larger one; what a
/// record guard decided is kept aside, allocated only for an object it acts on.
/// </remarks>
internal sealed class ResultObject
{
    private KeyValuePair<string, ResultValue>[] _fields;
    private int _count;
    private Segment? _more;
    private bool _uninternedKeys;
    private Withholding? _withholding;
    private string? _typename;

    public ResultObject(JsonElement raw, int capacity = 4)
    {
        Raw = raw;
        _fields = capacity == 0 ? [] : new KeyValuePair<string, ResultValue>[capacity];
    }

    /// <summary>The JSON it was first read from (used when a custom scalar's value is an object).</summary>
    public JsonElement Raw { get; }

    /// <summary>The object's <c>__typename</c>, read once (it is asked for on every entity fetch and guard check).</summary>
    public string? Typename => _typename ??= Get("__typename") is { IsLeaf: true, Leaf: { ValueKind: JsonValueKind.String } e } ? e.GetString() : null;

    public ResultValue Get(string key)
    {
        ref var field = ref Find(key, byValue: true);
        return Unsafe.IsNullRef(ref field) ? ResultValue.Null : field.Value;
    }

    public bool Contains(string key) => !Unsafe.IsNullRef(ref Find(key, byValue: true));

    /// <summary>
    /// The field stored under <paramref name="key"/>, wherever it is held; a null reference when there is none.
    /// Keys merged from subgraph answers are read once per request (<see cref="ResultNames"/>), and the writer asks
    /// with the plan's own strings, mostly the same instances: a pass comparing references finds them without comparing
    /// characters, and only <paramref name="byValue"/> lookups go on to compare the characters.
    /// </summary>
    private ref KeyValuePair<string, ResultValue> Find(string key, bool byValue)
    {
        ref var field = ref Scan(key, byReference: true);
        return ref Unsafe.IsNullRef(ref field) && byValue ? ref Scan(key, byReference: false) : ref field;
    }

    /// <summary>One pass over the first array and every segment.</summary>
    private ref KeyValuePair<string, ResultValue> Scan(string key, bool byReference)
    {
        var fields = _fields;
        var count = _count;
        for (var segment = _more; ; segment = segment.Next)
        {
            for (var i = 0; i < count; i++)
            {
                if (byReference ? ReferenceEquals(fields[i].Key, key) : string.Equals(fields[i].Key, key, StringComparison.Ordinal))
                {
                    return ref fields[i];
                }
            }

            if (segment is null)
            {
                return ref Unsafe.NullRef<KeyValuePair<string, ResultValue>>();
            }

            fields = segment.Fields;
            count = segment.Count;
        }
    }

    /// <summary>Set when a guarded entity fetch gave nothing for this object (failed, or answered null for it).</summary>
    public bool Unanswered { get; set; }

    /// <summary>Set once a record guard has decided on this object (it decides once).</summary>
    public bool Inspected { get; set; }

    /// <summary>Fields of this object sent to other subgraphs beyond an entity key (for their <c>@requires</c>); null for none.</summary>
    public IReadOnlyList<ForwardedFields>? Forwarded => _forwarded;

    private ForwardedFields[]? _forwarded;

    /// <summary>
    /// Notes that <paramref name="forwarded"/> went out in a representation of this object. Called under the gate.
    /// <paramref name="alone"/> holds just <paramref name="forwarded"/> and is shared by the objects of one call, so it is
    /// never written to: an object that forwards again gets an array of its own.
    /// </summary>
    public void Forward(ForwardedFields forwarded, ForwardedFields[] alone) =>
        _forwarded = _forwarded is null ? alone : [.. _forwarded, forwarded];

    /// <summary>The guard's decision to withhold the whole object; null when it is served.</summary>
    public FieldAccess? WithheldRecord => _withholding?.Record;

    /// <summary>The guard's decisions withholding fields of this object, by field name; null for none.</summary>
    public Dictionary<string, FieldAccess>? WithheldFields => _withholding?.Fields;

    /// <summary>
    /// Withholds the whole object: everything but its <c>__typename</c> is dropped and nothing merges into it again,
    /// so it can be neither written nor sent onward.
    /// </summary>
    public void WithholdRecord(FieldAccess decision)
    {
        (_withholding ??= new Withholding()).Record = decision;
        RemoveWhere(static (key, _) => key != "__typename", (object?)null);
    }

    /// <summary>Withholds a field under each of <paramref name="keys"/>: its values are dropped and never merged again.</summary>
    public void WithholdField(string fieldName, FieldAccess decision, IEnumerable<string> keys)
    {
        var withholding = _withholding ??= new Withholding();
        (withholding.Fields ??= new Dictionary<string, FieldAccess>(StringComparer.Ordinal))[fieldName] = decision;
        withholding.Blocked ??= new HashSet<string>(StringComparer.Ordinal);
        _typename = null;
        foreach (var key in keys)
        {
            withholding.Blocked.Add(key);
        }

        RemoveWhere(static (key, blocked) => blocked.Contains(key), withholding.Blocked);
    }

    private void RemoveWhere<TState>(Func<string, TState, bool> drop, TState state)
    {
        _count = RemoveWhere(_fields, _count, drop, state);
        for (var segment = _more; segment is not null; segment = segment.Next)
        {
            segment.Count = RemoveWhere(segment.Fields, segment.Count, drop, state);
        }
    }

    private static int RemoveWhere<TState>(KeyValuePair<string, ResultValue>[] fields, int count, Func<string, TState, bool> drop, TState state)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (!drop(fields[i].Key, state))
            {
                fields[kept++] = fields[i];
            }
        }

        Array.Clear(fields, kept, count - kept);
        return kept;
    }

    public void Set(string key, ResultValue value)
    {
        if (key == "__typename")
        {
            _typename = null;
        }

        ref var field = ref Find(key, byValue: true);
        if (!Unsafe.IsNullRef(ref field))
        {
            field = new KeyValuePair<string, ResultValue>(key, value);
            return;
        }

        _uninternedKeys = true;
        Append(key, value, 4);
    }

    /// <summary>
    /// Adds a field: in the first array or the last segment while they have room, else in a new segment with room
    /// for <paramref name="room"/> fields, what the caller may still add.
    /// </summary>
    private void Append(string key, ResultValue value, int room)
    {
        var field = new KeyValuePair<string, ResultValue>(key, value);
        if (_count < _fields.Length)
        {
            _fields[_count++] = field;
            return;
        }

        if (_count == 0)
        {
            _fields = new KeyValuePair<string, ResultValue>[Math.Max(room, 1)];
            _fields[_count++] = field;
            return;
        }

        var last = _more;
        while (last?.Next is not null)
        {
            last = last.Next;
        }

        if (last is null || last.Count == last.Fields.Length)
        {
            var added = new Segment(Math.Max(room, 1));
            if (last is null)
            {
                _more = added;
            }
            else
            {
                last.Next = added;
            }

            last = added;
        }

        last.Fields[last.Count++] = field;
    }

    /// <summary>Merges a JSON object from a subgraph into this object.</summary>
    public void Merge(JsonElement source, ResultNames names)
    {
        if (_withholding?.Record is not null)
        {
            return;
        }

        // The fields still to come bound how far the array must grow: an entity's answer often repeats its
        // __typename and key, which replace rather than add.
        var remaining = source.GetPropertyCount();
        foreach (var property in source.EnumerateObject())
        {
            var name = names.Of(property, out var interned);
            _uninternedKeys |= !interned;
            remaining--;
            if (_withholding?.Blocked is { } blocked && blocked.Contains(name))
            {
                continue;
            }

            // One lookup serves both the merge into an existing value and the replacement or addition. While every key
            // of this object came through the request's name table, an equal key is the same string.
            ref var field = ref Find(name, byValue: _uninternedKeys);
            var found = !Unsafe.IsNullRef(ref field);
            var existing = found ? field.Value : ResultValue.Null;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object && existing.Object is { } target)
            {
                target.Merge(value, names);
            }
            else if (value.ValueKind == JsonValueKind.Array && existing.List is { } list && list.Items.Length == value.GetArrayLength())
            {
                list.Merge(value, names);
            }
            else if (found)
            {
                field = new KeyValuePair<string, ResultValue>(name, Convert(value, names));
            }
            else
            {
                Append(name, Convert(value, names), remaining + 1);
            }

            if (name == "__typename")
            {
                // Read here, once per request for each type name, rather than as a new string for every object.
                _typename = value.ValueKind == JsonValueKind.String ? names.ValueOf(value) : null;
            }
        }
    }

    public static ResultValue Convert(JsonElement value, ResultNames names)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new ResultObject(value, value.GetPropertyCount());
                obj.Merge(value, names);
                return obj;
            case JsonValueKind.Array:
                var list = new ResultList(value);
                var i = 0;
                foreach (var item in value.EnumerateArray())
                {
                    list.Items[i++] = Convert(item, names);
                }

                return list;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                return ResultValue.Null;
            default:
                return value;
        }
    }

    /// <summary>Fields added to an object by a later merge, and the segments added after it.</summary>
    private sealed class Segment(int capacity)
    {
        public KeyValuePair<string, ResultValue>[] Fields { get; } = new KeyValuePair<string, ResultValue>[capacity];

        public int Count { get; set; }

        public Segment? Next { get; set; }
    }

    /// <summary>What a record guard decided for one object: rare, so held apart from the object's own fields.</summary>
    private sealed class Withholding
    {
        public FieldAccess? Record { get; set; }

        public Dictionary<string, FieldAccess>? Fields { get; set; }

        /// <summary>The response keys of withheld fields: never merged again.</summary>
        public HashSet<string>? Blocked { get; set; }
    }
}
