using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ChildInfo.Federation.Execution;

/// <summary>
/// The property names met while merging one request's subgraph answers, each turned into a string once. A large
/// answer repeats the same few names on every object; reading <see cref="JsonProperty.Name"/> would allocate a new
/// string each time. Names are looked up by their raw UTF-8 bytes (GraphQL names are ASCII). Used under
/// <see cref="ExecutionState.Gate"/>.
/// </summary>
internal sealed class ResultNames
{
    private readonly ResultNames? _known;
    private Entry[] _entries = [];
    private int _count;

    /// <param name="known">
    /// A table filled beforehand and only read from then on (the plan's response keys): names found there are its own
    /// string instances, the ones the response writer looks up, so those lookups succeed on the first reference check.
    /// </param>
    public ResultNames(ResultNames? known = null)
    {
        _known = known;
    }

    /// <summary>A property's name, as this table's string when it is a plain ASCII name.</summary>
    /// <param name="property">The property whose name is wanted.</param>
    /// <param name="interned">
    /// True when the name is this table's own instance: every equal name read through the table is then the same
    /// string, and can be found by reference alone.
    /// </param>
    public string Of(JsonProperty property, out bool interned)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        interned = raw.IndexOf((byte)'\\') < 0 && Ascii.IsValid(raw);

        // Not a GraphQL name as written (escaped or not ASCII): rare enough to read the ordinary way.
        return interned ? Intern(raw) : property.Name;
    }

    /// <summary>
    /// A string value (an object's <c>__typename</c>), turned into a string once per request as property names are:
    /// every object of a large answer carries one.
    /// </summary>
    public string ValueOf(JsonElement value)
    {
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (value.ValueKind != JsonValueKind.String || raw.Length < 2 || raw[1..^1].IndexOf((byte)'\\') >= 0 || !Ascii.IsValid(raw))
        {
            return value.GetString()!;
        }

        // The raw value of a string is written with its quotes.
        return Intern(raw[1..^1]);
    }

    private string Intern(ReadOnlySpan<byte> raw)
    {
        var hash = Hash(raw);
        if (_known is not null && _known.Find(raw, hash) is { } known)
        {
            return known;
        }

        return Find(raw, hash) ?? Insert(hash, Encoding.ASCII.GetString(raw));
    }

    /// <summary>Adds a name (while the table is being filled, before anyone reads it).</summary>
    public void Add(string name)
    {
        if (!Ascii.IsValid(name))
        {
            return;
        }

        var raw = Encoding.ASCII.GetBytes(name);
        var hash = Hash(raw);
        if (Find(raw, hash) is null)
        {
            Insert(hash, name);
        }
    }

    private string? Find(ReadOnlySpan<byte> raw, int hash)
    {
        if (_entries.Length == 0)
        {
            return null;
        }

        var mask = _entries.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Name is null)
            {
                return null;
            }

            if (entry.Hash == hash && Ascii.Equals(raw, entry.Name))
            {
                return entry.Name;
            }
        }
    }

    private string Insert(int hash, string name)
    {
        if (_entries.Length == 0)
        {
            _entries = new Entry[16];
        }

        var mask = _entries.Length - 1;
        var i = hash & mask;
        while (_entries[i].Name is not null)
        {
            i = (i + 1) & mask;
        }

        _entries[i] = new Entry(hash, name);
        if (++_count * 2 > _entries.Length)
        {
            Grow();
        }

        return name;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        var mask = _entries.Length - 1;
        foreach (var entry in old)
        {
            if (entry.Name is null)
            {
                continue;
            }

            var i = entry.Hash & mask;
            while (_entries[i].Name is not null)
            {
                i = (i + 1) & mask;
            }

            _entries[i] = entry;
        }
    }

    // FNV-1a: names are short, so a simple byte loop is enough.
    private static int Hash(ReadOnlySpan<byte> raw)
    {
        var hash = 2166136261u;
        foreach (var b in raw)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }

    private readonly record struct Entry(int Hash, string Name);
}
