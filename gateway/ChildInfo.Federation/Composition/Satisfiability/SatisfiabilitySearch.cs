using System.Text;
using ChildInfo.Federation.Composition.Merging;
using ChildInfo.Federation.Composition.Model;
using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Satisfiability;

/// <summary>
/// A breadth-first search over the API schema. A state is a type together with the set of ways the query can stand
/// there (<see cref="SubgraphOption"/>: a subgraph, and what a <c>@provides</c> made available in it). From a state,
/// each field of the type must be resolvable by at least one option: directly in its subgraph (not <c>@external</c>
/// unless provided, not overridden away, its <c>@requires</c> obtainable), or after moving to another subgraph
/// through a resolvable <c>@key</c> whose fields the current subgraph can give (an <c>@interfaceObject</c>'s key
/// counts for the interface's implementations). Root types move freely between subgraphs. The options that resolve
/// a field form the next state, for its type; abstract types continue into each implementation the subgraphs know.
/// <para>Bounds: the visited set holds each (type, option set) once, so the search ends; within one field, key moves
/// chain through each subgraph at most once (at most N − 1 hops for N subgraphs); and the search stops after
/// <see cref="MaxStates"/> states, checking no further (a supergraph that large is reported as satisfiable so far).</para>
/// </summary>
internal sealed class SatisfiabilitySearch
{
    public const int MaxStates = 20_000;

    private static readonly string[] RootTypes = ["Query", "Mutation", "Subscription"];

    private readonly MergedSchema _schema;
    private readonly Dictionary<string, ParsedSubgraph> _subgraphs;
    private readonly Dictionary<string, string> _subgraphByGraph;
    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);
    private readonly Queue<(string Type, SubgraphOption[] Options, Step? Path)> _queue = new();

    public SatisfiabilitySearch(MergedSchema schema)
    {
        _schema = schema;
        _subgraphs = schema.Subgraphs.ToDictionary(s => s.Name, StringComparer.Ordinal);
        _subgraphByGraph = schema.Subgraphs.ToDictionary(s => s.GraphEnum, s => s.Name, StringComparer.Ordinal);
    }

    public List<CompositionError> Run()
    {
        var errors = new List<CompositionError>();
        foreach (var root in RootTypes.Where(r => _schema.Type(r) is { Inaccessible: false }))
        {
            Enqueue(root, _schema.Subgraphs.Where(s => s.Type(root) is not null).Select(s => new SubgraphOption(s.Name, null)), null);
        }

        while (_queue.Count > 0 && _visited.Count <= MaxStates)
        {
            var (typeName, options, path) = _queue.Dequeue();
            var type = _schema.Type(typeName)!;
            if (type.Kind is SupergraphTypeKind.Interface or SupergraphTypeKind.Union)
            {
                foreach (var implementation in PossibleTypes(type))
                {
                    Enqueue(implementation.Name, options.SelectMany(o => Cast(o, type, implementation)), new Step(path, "... on " + implementation.Name));
                }
            }

            foreach (var field in type.Fields.Where(f => !f.Inaccessible && _schema.Type(f.Type.NamedType) is not { Inaccessible: true }))
            {
                var reasons = new List<(string From, string Reason)>();
                var next = options.SelectMany(o => Resolve(type, field, o, reasons)).Distinct().ToList();
                if (next.Count == 0)
                {
                    errors.Add(Error(type, field, path, reasons));
                }
                else if (_schema.Type(field.Type.NamedType) is { Kind: SupergraphTypeKind.Object or SupergraphTypeKind.Interface or SupergraphTypeKind.Union })
                {
                    Enqueue(field.Type.NamedType, next, new Step(path, field.Name));
                }
            }
        }

        return errors;
    }

    private void Enqueue(string type, IEnumerable<SubgraphOption> options, Step? path)
    {
        var set = options.Distinct().OrderBy(o => o.ToString(), StringComparer.Ordinal).ToArray();
        if (set.Length > 0 && _visited.Add(type + "|" + string.Join(",", set.Select(o => o.ToString()))))
        {
            _queue.Enqueue((type, set, path));
        }
    }

    /// <summary>The options that resolve <paramref name="field"/> starting from <paramref name="start"/>, moving through keys as needed.</summary>
    private IEnumerable<SubgraphOption> Resolve(MergedType type, MergedField field, SubgraphOption start, List<(string, string)> reasons)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { start.Subgraph };
        var frontier = new Queue<SubgraphOption>([start]);
        var found = new List<SubgraphOption>();
        var root = RootTypes.Contains(type.Name);
        while (frontier.Count > 0)
        {
            var current = frontier.Dequeue();
            var definition = Definition(current.Subgraph, type, field);
            if (CanResolve(type, field, current, definition, start, reasons))
            {
                found.Add(new SubgraphOption(current.Subgraph, ProvidedFields.Combine(ProvidedFields.Below(current.Provided, field.Name), definition!.Provides)));
            }

            foreach (var target in _schema.Subgraphs.Where(s => !seen.Contains(s.Name)))
            {
                var targetHasField = Definition(target.Name, type, field) is { External: false };
                if (root ? target.Type(type.Name) is not null : CanMove(type, current, target, targetHasField ? reasons : null, start))
                {
                    seen.Add(target.Name);
                    frontier.Enqueue(new SubgraphOption(target.Name, null));
                }
            }
        }

        return found;
    }

    private bool CanResolve(MergedType type, MergedField field, SubgraphOption at, SubgraphFieldDef? definition, SubgraphOption start, List<(string, string)> reasons)
    {
        var coordinate = type.Name + "." + field.Name;
        if (definition is null)
        {
            if (at == start)
            {
                reasons.Add((start.Subgraph, $"cannot find field \"{coordinate}\"."));
            }

            return false;
        }

        if (definition.External)
        {
            if (ProvidedFields.Contains(at.Provided, field.Name))
            {
                return true;
            }

            if (at == start)
            {
                reasons.Add((start.Subgraph, $"field \"{coordinate}\" is @external in subgraph \"{at.Subgraph}\" and not provided on the way there."));
            }

            return false;
        }

        if (field.ResolvingGraphs.Count > 0 && field.Sources.ContainsKey(at.Subgraph) && !field.ResolvingGraphs.Contains(at.Subgraph))
        {
            return false;
        }

        if (definition.Requires is { } requires)
        {
            var missing = FieldSetParser.Parse(requires).Where(n => !n.IsFragment && type.Field(n.FieldName!) is not { ResolvingGraphs.Count: > 0 }).Select(n => n.FieldName).ToList();
            if (missing.Count > 0 || !HasResolvableKey(_subgraphs[at.Subgraph], type))
            {
                reasons.Add((start.Subgraph, $"cannot satisfy @requires(fields: \"{requires}\") on field \"{coordinate}\" in subgraph \"{at.Subgraph}\"."));
                return false;
            }
        }

        return true;
    }

    /// <summary>The field as the subgraph defines it on the type, or on an <c>@interfaceObject</c> standing for one of its interfaces.</summary>
    private SubgraphFieldDef? Definition(string subgraph, MergedType type, MergedField field)
    {
        var parsed = _subgraphs[subgraph];
        if (parsed.Type(type.Name)?.Field(field.Name) is { } direct)
        {
            return direct;
        }

        return type.Interfaces.Select(i => parsed.Type(i)).FirstOrDefault(i => i is { InterfaceObject: true } && i.Field(field.Name) is not null)?.Field(field.Name);
    }

    private bool CanMove(MergedType type, SubgraphOption from, ParsedSubgraph target, List<(string, string)>? reasons, SubgraphOption start)
    {
        var joins = KeyJoins(type, target).ToList();
        if (joins.Count == 0)
        {
            reasons?.Add((start.Subgraph, $"cannot move to subgraph \"{target.Name}\", which has field(s) of \"{type.Name}\", because type \"{type.Name}\" has no @key defined in subgraph \"{target.Name}\"."));
            return false;
        }

        var resolvable = joins.Where(j => j.Resolvable).ToList();
        if (resolvable.Count == 0)
        {
            reasons?.Add((start.Subgraph, $"cannot move to subgraph \"{target.Name}\" because none of the @key defined on type \"{type.Name}\" in subgraph \"{target.Name}\" are resolvable (they are all declared with resolvable: false)."));
            return false;
        }

        var source = _subgraphs[from.Subgraph];
        foreach (var join in resolvable)
        {
            if (KeyFieldsAvailable(source, source.Type(type.Name), FieldSetParser.Parse(join.Key!), from.Provided))
            {
                return true;
            }

            reasons?.Add((start.Subgraph, $"cannot move to subgraph \"{target.Name}\" using @key(fields: \"{join.Key}\") of \"{type.Name}\": the key field(s) cannot be resolved from subgraph \"{from.Subgraph}\"."));
        }

        return false;
    }

    /// <summary>The target subgraph's keys for the type, or for an <c>@interfaceObject</c> it has for one of the type's interfaces.</summary>
    private IEnumerable<TypeJoinDef> KeyJoins(MergedType type, ParsedSubgraph target)
    {
        var own = type.Joins.Where(j => j.Key is not null && j.Graph == target.GraphEnum).ToList();
        if (own.Count > 0 || target.Type(type.Name) is not null)
        {
            return own;
        }

        return type.Interfaces.Where(i => target.Type(i) is { InterfaceObject: true })
            .SelectMany(i => _schema.Type(i)!.Joins.Where(j => j.Key is not null && j.Graph == target.GraphEnum));
    }

    private bool HasResolvableKey(ParsedSubgraph subgraph, MergedType type) =>
        KeyJoins(type, subgraph).Any(j => j.Resolvable);

    private static bool KeyFieldsAvailable(ParsedSubgraph subgraph, SubgraphTypeDef? type, IReadOnlyList<FieldSetNode> nodes, string? provided)
    {
        if (type is null)
        {
            return false;
        }

        foreach (var node in nodes.Where(n => !n.IsFragment))
        {
            var field = type.Field(node.FieldName!);
            if (field is null || (field.External && !ProvidedFields.Contains(provided, field.Name)))
            {
                return false;
            }

            if (node.Children.Count > 0 && !KeyFieldsAvailable(subgraph, subgraph.Type(field.Type.NamedType), node.Children, ProvidedFields.Below(provided, field.Name)))
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<MergedType> PossibleTypes(MergedType type) => type.Kind == SupergraphTypeKind.Union
        ? type.Members.Select(m => _schema.Type(m)!).Where(m => m is { Inaccessible: false })
        : _schema.Types.Values.Where(t => t.Kind == SupergraphTypeKind.Object && !t.Inaccessible && t.Interfaces.Contains(type.Name));

    /// <summary>
    /// Where an option on an abstract type can continue as one of its implementations: in its own subgraph when that
    /// subgraph knows the implementation, or (from an <c>@interfaceObject</c>) in a subgraph that does, through the
    /// interface's key. An implementation no option can reach is not checked further.
    /// </summary>
    private IEnumerable<SubgraphOption> Cast(SubgraphOption option, MergedType type, MergedType implementation)
    {
        var subgraph = _subgraphs[option.Subgraph];
        var own = subgraph.Type(implementation.Name);
        if (own is not null && (own.Interfaces.Contains(type.Name) || subgraph.Type(type.Name)?.Members.Contains(implementation.Name) == true))
        {
            return [option];
        }

        if (subgraph.Type(type.Name) is not { InterfaceObject: true } interfaceObject)
        {
            return [];
        }

        return _schema.Subgraphs
            .Where(s => s.Type(implementation.Name)?.Interfaces.Contains(type.Name) == true)
            .Where(s => type.Joins.Any(j => j.Graph == s.GraphEnum && j.Resolvable && j.Key is not null
                && KeyFieldsAvailable(subgraph, interfaceObject, FieldSetParser.Parse(j.Key), option.Provided)))
            .Select(s => new SubgraphOption(s.Name, null));
    }

    private static CompositionError Error(MergedType type, MergedField field, Step? path, List<(string From, string Reason)> reasons)
    {
        var coordinate = type.Name + "." + field.Name;
        var message = new StringBuilder($"The following supergraph API query: {Step.Query(new Step(path, field.Name))} cannot be satisfied by the subgraphs because:");
        foreach (var from in reasons.GroupBy(r => r.From))
        {
            message.Append($" - from subgraph \"{from.Key}\":");
            foreach (var reason in from.Select(r => r.Reason).Distinct())
            {
                message.Append(" - ").Append(reason);
            }
        }

        if (reasons.Count == 0)
        {
            message.Append($" no subgraph reached this way resolves field \"{coordinate}\".");
        }

        return new CompositionError(CompositionErrorCodes.SatisfiabilityError, message.ToString(), null, coordinate);
    }

    /// <summary>The path from the root to a state, as a linked list of selections (a field name or <c>... on Type</c>).</summary>
    private sealed record Step(Step? Parent, string Selection)
    {
        public static string Query(Step step)
        {
            var selections = new List<string>();
            for (var s = step; s is not null; s = s.Parent)
            {
                selections.Add(s.Selection);
            }

            selections.Reverse();
            return string.Concat(selections.Select(s => "{ " + s + " ")) + string.Concat(Enumerable.Repeat("}", selections.Count).Select((b, i) => i == 0 ? b : " " + b));
        }
    }
}
