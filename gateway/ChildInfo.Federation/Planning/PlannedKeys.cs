namespace ChildInfo.Federation.Planning;

/// <summary>
/// Records, while the planner adds its own fields to a selection, the response key it gave each one, so that readers
/// use the planner's choice rather than guess it from the response (where a client's alias could stand).
/// </summary>
internal sealed class PlannedKeys
{
    private readonly List<Entry> _entries = [];

    /// <summary>Records a field under the key it was fetched under; returns the recorder for its sub-selection.</summary>
    public PlannedKeys Field(string name, string responseKey)
    {
        foreach (var entry in _entries)
        {
            // One object's field gets one key: the client's fields there decide it, the same on every visit.
            if (entry.Name == name)
            {
                return entry.Children;
            }
        }

        var added = new Entry(name, responseKey, null);
        _entries.Add(added);
        return added.Children;
    }

    /// <summary>The recorder for fields that apply only to objects of <paramref name="typeName"/>.</summary>
    public PlannedKeys OnType(string typeName)
    {
        foreach (var entry in _entries)
        {
            if (entry.TypeCondition == typeName)
            {
                return entry.Children;
            }
        }

        var added = new Entry(null, null, typeName);
        _entries.Add(added);
        return added.Children;
    }

    public IReadOnlyList<PlannedField> Build() =>
        [.. _entries.Select(e => new PlannedField(e.Name, e.ResponseKey, e.TypeCondition, e.Children.Build()))];

    private sealed record Entry(string? Name, string? ResponseKey, string? TypeCondition)
    {
        public PlannedKeys Children { get; } = new();
    }
}
