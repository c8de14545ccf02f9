namespace ChildInfo.Linkage.Linking;

/// <summary>
/// Records joined into children (union–find), where a child holds at most one record per source and a pair a reviewer
/// rejected is never put into one child, however other links would join them.
/// </summary>
internal sealed class Clusters
{
    private readonly Linkage.Comparison.PreparedRecord[] _records;
    private readonly int[] _parent;
    private readonly Dictionary<int, HashSet<int>> _members = [];

    public Clusters(Linkage.Comparison.PreparedRecord[] records)
    {
        _records = records;
        _parent = [.. Enumerable.Range(0, records.Length)];
    }

    public bool Same(int a, int b) => Find(a) == Find(b);

    public bool TryJoin(int a, int b, IReadOnlyDictionary<(string, string), ReviewDecision> reviewed)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb)
        {
            return false;
        }

        var left = Members(ra);
        var right = Members(rb);
        var sources = left.Select(i => _records[i].Record.Source).ToHashSet(StringComparer.Ordinal);
        if (right.Any(i => sources.Contains(_records[i].Record.Source)))
        {
            return false;
        }

        // Only a reviewer's rejection can stop two clusters of different sources joining.
        foreach (var x in reviewed.Count == 0 ? Enumerable.Empty<int>() : left)
        {
            foreach (var y in right)
            {
                if (reviewed.TryGetValue(ReviewDecision.PairOf(_records[x].Key, _records[y].Key), out var decision) && !decision.Accepted)
                {
                    return false;
                }
            }
        }

        _parent[rb] = ra;
        left.UnionWith(right);
        _members.Remove(rb);
        return true;
    }

    public IReadOnlyList<IReadOnlyList<string>> All() =>
        [.. Enumerable.Range(0, _records.Length).GroupBy(Find)
            .Select(g => (IReadOnlyList<string>)[.. g.Select(i => _records[i].Key).Order(StringComparer.Ordinal)])
            .OrderBy(c => c[0], StringComparer.Ordinal)];

    private HashSet<int> Members(int root)
    {
        if (!_members.TryGetValue(root, out var members))
        {
            _members[root] = members = [root];
        }

        return members;
    }

    private int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }

        return i;
    }
}
