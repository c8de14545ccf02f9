using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// Field collection (GraphQL spec §6.3.2 CollectFields) over one parsed document, for everything that reads an
/// operation field by field: the response shape the planner builds and the audit's walk over the response. Given
/// selection sets each read on a type, it gives their fields grouped by response key, in order of first appearance,
/// with fragments expanded and each field node listed once per type it is read on.
/// <para>
/// Memoised, so its work follows the size of the document and not how often fragments are spread: a fragment is
/// flattened once per type it is read on, and each distinct list of selection sets is collected once (a list of a
/// thousand children is collected once, not per child). Bounded: past <see cref="MaxSteps"/> steps, or fragments
/// nested deeper than <see cref="MaxNesting"/>, it throws <see cref="GatewayException"/>. One instance serves one
/// request or plan; it is not thread-safe.
/// </para>
/// </summary>
public sealed class FieldCollector
{
    /// <summary>Most selections one collector visits and copies, over all its collections.</summary>
    public const int MaxSteps = 1_000_000;

    /// <summary>Deepest nesting of inline fragments and fragment spreads one collection follows.</summary>
    public const int MaxNesting = 256;

    private readonly IReadOnlyDictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly Func<string, string, string?> _readAs;
    private readonly IReadOnlyDictionary<string, bool>? _conditions;
    private readonly Dictionary<SelectionList, IReadOnlyList<FieldGroup>> _collections = [];
    private readonly Dictionary<(GraphQLFragmentDefinition, string), CollectedField[]> _flattened = [];
    private readonly HashSet<(GraphQLFragmentDefinition, string)> _flattening = [];
    private int _steps;
    private int _nesting;

    private FieldCollector(IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, Func<string, string, string?> readAs, IReadOnlyDictionary<string, bool>? conditions)
    {
        _fragments = fragments;
        _readAs = readAs;
        _conditions = conditions;
    }

    /// <summary>
    /// Collects as execution does, for one runtime (object) type at a time: a fragment applies when the type matches its
    /// type condition, and <c>@include</c>/<c>@skip</c> take <paramref name="conditions"/> (variables not given are false).
    /// </summary>
    public static FieldCollector ForRuntimeTypes(SupergraphSchema schema, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlyDictionary<string, bool> conditions)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(fragments);
        ArgumentNullException.ThrowIfNull(conditions);
        return new FieldCollector(fragments, (type, condition) => schema.Matches(type, condition) ? type : null, conditions);
    }

    /// <summary>
    /// Collects everything the document asks about a field's declared type, whatever the runtime type turns out to be:
    /// every fragment applies, a field under an object-type condition is read on that type (elsewhere on the enclosing
    /// type), and <c>@include</c>/<c>@skip</c> are ignored.
    /// </summary>
    public static FieldCollector ForDeclaredTypes(SupergraphSchema schema, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(fragments);
        return new FieldCollector(
            fragments,
            (type, condition) => schema.Types.TryGetValue(condition, out var narrowed) && narrowed.Kind == SupergraphTypeKind.Object ? condition : type,
            null);
    }

    /// <summary>The fields <paramref name="set"/> selects on <paramref name="type"/>.</summary>
    public IReadOnlyList<FieldGroup> Collect(GraphQLSelectionSet set, string type) => Collect([new SelectionAt(set, type)]);

    /// <summary>The fields the selection sets select together (the sub-selections of fields merged under one key).</summary>
    public IReadOnlyList<FieldGroup> Collect(IReadOnlyList<SelectionAt> selections)
    {
        ArgumentNullException.ThrowIfNull(selections);
        var key = new SelectionList(selections);
        if (_collections.TryGetValue(key, out var groups))
        {
            return groups;
        }

        var fields = new List<CollectedField>();
        var seen = new HashSet<CollectedField>();
        var spread = new HashSet<(GraphQLFragmentDefinition, string)>();
        foreach (var selection in selections)
        {
            Flatten(selection.Set, selection.Type, fields, seen, spread);
        }

        groups = Group(fields);
        _collections[key] = groups;
        return groups;
    }

    private static FieldGroup[] Group(List<CollectedField> fields)
    {
        var byKey = new Dictionary<string, List<CollectedField>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var field in fields)
        {
            var key = field.ResponseKey;
            if (!byKey.TryGetValue(key, out var group))
            {
                group = [];
                byKey[key] = group;
                order.Add(key);
            }

            group.Add(field);
        }

        var groups = new FieldGroup[order.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = new FieldGroup(order[i], byKey[order[i]]);
        }

        return groups;
    }

    private void Flatten(GraphQLSelectionSet set, string type, List<CollectedField> fields, HashSet<CollectedField> seen, HashSet<(GraphQLFragmentDefinition, string)> spread)
    {
        if (++_nesting > MaxNesting)
        {
            throw new GatewayException(ErrorCodes.QueryTooDeep, $"The operation nests fragments deeper than {MaxNesting} levels.");
        }

        foreach (var selection in set.Selections)
        {
            Step();
            switch (selection)
            {
                case GraphQLField field when Included(field):
                    var collected = new CollectedField(field, type);
                    if (seen.Add(collected))
                    {
                        fields.Add(collected);
                    }

                    break;
                case GraphQLInlineFragment inline when Included(inline):
                    var inlineType = inline.TypeCondition is { } condition ? _readAs(type, condition.Type.Name.StringValue) : type;
                    if (inlineType is not null)
                    {
                        Flatten(inline.SelectionSet, inlineType, fields, seen, spread);
                    }

                    break;
                case GraphQLFragmentSpread fragmentSpread when Included(fragmentSpread)
                    && _fragments.TryGetValue(fragmentSpread.FragmentName.Name.StringValue, out var fragment)
                    && _readAs(type, fragment.TypeCondition.Type.Name.StringValue) is { } fragmentType
                    && spread.Add((fragment, fragmentType)):
                    foreach (var inner in Flattened(fragment, fragmentType))
                    {
                        Step();
                        if (seen.Add(inner))
                        {
                            fields.Add(inner);
                        }
                    }

                    break;
            }
        }

        _nesting--;
    }

    /// <summary>A fragment's fields on one type, flattened once: they do not depend on where it is spread.</summary>
    private CollectedField[] Flattened(GraphQLFragmentDefinition fragment, string type)
    {
        if (_flattened.TryGetValue((fragment, type), out var fields))
        {
            return fields;
        }

        if (!_flattening.Add((fragment, type)))
        {
            // A fragment that spreads itself: validation refuses it; a record of the refused request reads it once.
            return [];
        }

        var collected = new List<CollectedField>();
        Flatten(fragment.SelectionSet, type, collected, [], []);
        _flattening.Remove((fragment, type));
        fields = [.. collected];
        _flattened[(fragment, type)] = fields;
        return fields;
    }

    private void Step()
    {
        if (++_steps > MaxSteps)
        {
            throw new GatewayException(ErrorCodes.OperationTooComplex, $"Collecting the operation's fields took more than {MaxSteps} steps.");
        }
    }

    private bool Included(IHasDirectivesNode node)
    {
        if (_conditions is null || node.Directives is null)
        {
            return true;
        }

        foreach (var directive in node.Directives.Items)
        {
            var name = directive.Name.StringValue;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var value = ConditionValue(Ast.Arg(directive, "if"));
            if ((name == "skip" && value) || (name == "include" && !value))
            {
                return false;
            }
        }

        return true;
    }

    private bool ConditionValue(GraphQLValue? value) => value switch
    {
        GraphQLTrueBooleanValue => true,
        GraphQLFalseBooleanValue => false,
        GraphQLBooleanValue b => b.BoolValue,
        GraphQLVariable v => _conditions!.TryGetValue(v.Name.StringValue, out var b) && b,
        _ => false,
    };

    /// <summary>A list of selection sets compared by content: the same sets on the same types collect the same fields.</summary>
    private sealed class SelectionList : IEquatable<SelectionList>
    {
        private readonly SelectionAt[] _items;
        private readonly int _hash;

        public SelectionList(IReadOnlyList<SelectionAt> items)
        {
            _items = [.. items];
            var hash = default(HashCode);
            foreach (var item in _items)
            {
                hash.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(item.Set));
                hash.Add(item.Type, StringComparer.Ordinal);
            }

            _hash = hash.ToHashCode();
        }

        public bool Equals(SelectionList? other)
        {
            if (other is null || other._hash != _hash || other._items.Length != _items.Length)
            {
                return false;
            }

            for (var i = 0; i < _items.Length; i++)
            {
                if (!ReferenceEquals(_items[i].Set, other._items[i].Set) || !string.Equals(_items[i].Type, other._items[i].Type, StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => Equals(obj as SelectionList);

        public override int GetHashCode() => _hash;
    }
}
