using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Planning;

/// <summary>The fields a record guard needs with every object of a type it checks, and the order they impose.</summary>
internal sealed partial class PlanContext
{
    private readonly Dictionary<string, IReadOnlyList<FieldSetNode>?> _guardSets = new(StringComparer.Ordinal);
    private readonly HashSet<(string Path, string Type)> _guarded = [];
    private readonly List<(RecordGuardPoint Point, FetchBuilder Deliverer)> _guardPoints = [];

    /// <summary>
    /// Asks for the guard fields of the objects of <paramref name="typeName"/> at <paramref name="path"/> (once per
    /// position), from <paramref name="fetch"/> where its subgraph resolves them, else through the entity fetch that
    /// brings the object's fields from the subgraph that does; that fetch then checks the objects.
    /// </summary>
    private void PlanGuardFields(
        FetchBuilder fetch, SelectionBuilder target, string typeName, string[] path,
        IReadOnlyList<FieldSetNode>? provided, IReadOnlyList<ShapeField> clientFields)
    {
        if (GuardSet(typeName) is not { } guardSet || !_guarded.Add((string.Join('.', path), typeName)))
        {
            return;
        }

        // The executor finds the objects to check by their __typename, as it does for entity fetches.
        target.AddField("__typename", "__typename", null, composite: false);
        var keys = new PlannedKeys();
        var dependencies = Ensure(fetch, target, typeName, path, guardSet, provided, 0, allowRequires: false, clientFields, keys);
        var deliverer = Deliverer(fetch, typeName, dependencies);
        var client = clientFields.Where(f => !f.IsTypename).Select(f => KeyValuePair.Create(f.FetchKey, f.FieldName)).ToArray();
        var selected = clientFields.Where(f => !f.NotFetched).Select(f => f.FieldName).Distinct(StringComparer.Ordinal).ToArray();
        var point = new RecordGuardPoint(path, typeName, keys.Build(), client, selected);
        (deliverer.Guards ??= []).Add(point);
        _guardPoints.Add((point, deliverer));
    }

    /// <summary>
    /// Makes every entity fetch that goes on from a checked object (at or below its path) wait for the fetch that
    /// checks it, so nothing is sent onward from an object, or a field, before the guard has decided on it.
    /// </summary>
    public void OrderAfterGuards()
    {
        foreach (var (point, deliverer) in _guardPoints)
        {
            var before = Closure(deliverer);
            foreach (var fetch in Fetches)
            {
                if (fetch.IsEntity && !before.Contains(fetch) && StartsWith(fetch.Path, point.Path))
                {
                    fetch.DependsOn.Add(deliverer);
                }
            }
        }
    }

    private IReadOnlyList<FieldSetNode>? GuardSet(string typeName)
    {
        if (Guard is null)
        {
            return null;
        }

        if (!_guardSets.TryGetValue(typeName, out var set))
        {
            var text = Guard.GuardFields(typeName);
            set = string.IsNullOrWhiteSpace(text) ? null : ParseGuardFields(typeName, text);
            _guardSets[typeName] = set;
        }

        return set;
    }

    private static IReadOnlyList<FieldSetNode> ParseGuardFields(string typeName, string text)
    {
        try
        {
            return FieldSetParser.Parse(text);
        }
        catch (SupergraphException ex)
        {
            throw new PlanningException($"The record guard's fields for '{typeName}' do not parse: {ex.Message}");
        }
    }

    /// <summary>The one fetch that brings the guard fields: the current fetch, or the last of the entity fetches they need.</summary>
    private static FetchBuilder Deliverer(FetchBuilder fetch, string typeName, HashSet<FetchBuilder> dependencies)
    {
        if (dependencies.Count == 0)
        {
            return fetch;
        }

        FetchBuilder? last = null;
        foreach (var candidate in dependencies)
        {
            if (dependencies.Any(other => other != candidate && other.DependsOn.Contains(candidate)))
            {
                continue;
            }

            if (last is not null)
            {
                throw new PlanningException($"The record guard's fields for '{typeName}' must come from one subgraph call.");
            }

            last = candidate;
        }

        return last ?? throw new PlanningException($"The record guard's fields for '{typeName}' depend on each other in a cycle.");
    }

    private static HashSet<FetchBuilder> Closure(FetchBuilder fetch)
    {
        var seen = new HashSet<FetchBuilder>();
        var stack = new Stack<FetchBuilder>();
        stack.Push(fetch);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            if (seen.Add(current))
            {
                foreach (var dependency in current.DependsOn)
                {
                    stack.Push(dependency);
                }
            }
        }

        return seen;
    }

    private static bool StartsWith(string[] path, string[] prefix)
    {
        if (path.Length < prefix.Length)
        {
            return false;
        }

        for (var i = 0; i < prefix.Length; i++)
        {
            if (path[i] != prefix[i])
            {
                return false;
            }
        }

        return true;
    }
}
