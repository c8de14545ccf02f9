using ChildInfo.Federation.Errors;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// What an operation would cost, measured right after parsing and before anything whose cost grows faster than the
/// text (validation compares overlapping fields pairwise, planning and shaping expand fragments). Each count stops at
/// the first limit of <see cref="FederationEngineOptions"/> it passes, so measuring is linear in the document:
/// <list type="number">
/// <item>the document as written (every definition once): fields, fragment spreads, directives, and the variables
/// <c>@include</c>/<c>@skip</c> use; the same pass finds names in the gateway's own namespace
/// (<see cref="ReservedNames"/>), refused once every limit is passed;</item>
/// <item>the operation, and each fragment, with every fragment spread counted as its fragment's content, memoised per
/// fragment: fields, aliases and field depth (a fragment that spreads itself is refused here, before validation);</item>
/// <item>the operation, and each fragment, merged by response name at each place as validation's overlap check reads
/// it: the pairs of selections of one response name it compares.</item>
/// </list>
/// Counts ignore <c>@include</c>/<c>@skip</c>: they bound every set of variable values at once.
/// </summary>
internal sealed class OperationMeasure
{
    private readonly OperationDocument _document;
    private readonly FederationEngineOptions _options;
    private readonly Dictionary<GraphQLFragmentDefinition, Expansion> _expansions = [];
    private readonly HashSet<GraphQLFragmentDefinition> _expanding = [];
    private readonly List<string> _conditionVariables = [];
    private readonly List<GraphQLError> _reservedNames = [];
    private int _documentFields;
    private int _fragmentSpreads;
    private int _directives;
    private long _overlappingPairs;

    private OperationMeasure(OperationDocument document, FederationEngineOptions options)
    {
        _document = document;
        _options = options;
    }

    /// <summary>Field selections in the operation, each fragment spread counted as its fragment's fields.</summary>
    public long FieldSelections { get; private set; }

    /// <summary>Aliased fields in the operation, counted as <see cref="FieldSelections"/> are.</summary>
    public long Aliases { get; private set; }

    /// <summary>The deepest field nesting in the operation, through fragments.</summary>
    public int Depth { get; private set; }

    /// <summary>Variables used by <c>@include</c>/<c>@skip</c> anywhere in the document, in order of first use.</summary>
    public IReadOnlyList<string> ConditionVariables => _conditionVariables;

    /// <summary>
    /// Measures <paramref name="document"/>; throws <see cref="GatewayException"/> at the first limit it passes, then
    /// <see cref="RequestErrorsException"/> if it uses reserved names.
    /// </summary>
    public static OperationMeasure Take(OperationDocument document, FederationEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(options);
        var measure = new OperationMeasure(document, options);
        foreach (var definition in document.Document.Definitions)
        {
            switch (definition)
            {
                case GraphQLOperationDefinition operation:
                    ReservedNames.CheckVariables(operation, document.Document, measure._reservedNames);
                    measure.CountDirectives(operation);
                    measure.CountAsWritten(operation.SelectionSet);
                    break;
                case GraphQLFragmentDefinition fragment:
                    measure.CountDirectives(fragment);
                    measure.CountAsWritten(fragment.SelectionSet);
                    break;
            }
        }

        if (measure._conditionVariables.Count > Operations.ConditionVariables.Max)
        {
            throw TooComplex($"The operation uses more than {Operations.ConditionVariables.Max} variables in @include/@skip.");
        }

        var expansion = measure.Expand(document.Operation.SelectionSet, 0, 0);
        measure.FieldSelections = expansion.Fields;
        measure.Aliases = expansion.Aliases;
        measure.Depth = expansion.Depth;
        measure.CountOverlaps([document.Operation.SelectionSet]);

        // Validation reads every fragment, spread or not: each is bounded (and refused if it spreads itself) alike.
        foreach (var fragment in document.Fragments.Values)
        {
            measure.ExpandFragment(fragment, 0, 0);
            measure.CountOverlaps([fragment.SelectionSet]);
        }

        if (measure._reservedNames.Count > 0)
        {
            throw new RequestErrorsException(measure._reservedNames);
        }

        return measure;
    }

    private static GatewayException TooComplex(string message) => new(ErrorCodes.OperationTooComplex, message);

    private void CountAsWritten(GraphQLSelectionSet set)
    {
        foreach (var selection in set.Selections)
        {
            CountDirectives((IHasDirectivesNode)selection);
            switch (selection)
            {
                case GraphQLField field:
                    if (++_documentFields > _options.MaxFieldSelections)
                    {
                        throw TooComplex($"The document selects more than {_options.MaxFieldSelections} fields.");
                    }

                    ReservedNames.CheckField(field, _document.Document, _reservedNames);
                    if (field.SelectionSet is not null)
                    {
                        CountAsWritten(field.SelectionSet);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    CountAsWritten(inline.SelectionSet);
                    break;
                case GraphQLFragmentSpread:
                    if (++_fragmentSpreads > _options.MaxFragmentSpreads)
                    {
                        throw TooComplex($"The document spreads fragments more than {_options.MaxFragmentSpreads} times.");
                    }

                    break;
            }
        }
    }

    private void CountDirectives(IHasDirectivesNode node)
    {
        if (node.Directives is null)
        {
            return;
        }

        foreach (var directive in node.Directives.Items)
        {
            if (++_directives > _options.MaxDirectives)
            {
                throw TooComplex($"The document uses more than {_options.MaxDirectives} directives.");
            }

            if (node is GraphQLField or GraphQLInlineFragment or GraphQLFragmentSpread
                && directive.Name.StringValue is "include" or "skip"
                && directive.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value is GraphQLVariable variable
                && !_conditionVariables.Contains(variable.Name.StringValue))
            {
                _conditionVariables.Add(variable.Name.StringValue);
            }
        }
    }

    /// <summary>
    /// The operation's selections with fragments counted in place. <paramref name="depth"/> is the field depth of
    /// <paramref name="set"/>; <paramref name="nesting"/> counts every selection set and fragment entered, which the
    /// parser's depth limit cannot see across fragment definitions.
    /// </summary>
    private Expansion Expand(GraphQLSelectionSet set, int depth, int nesting)
    {
        if (nesting > _options.MaxParserDepth)
        {
            throw new GatewayException(ErrorCodes.QueryTooDeep, $"The query nests deeper than {_options.MaxParserDepth} levels, fragments included.");
        }

        long fields = 0;
        long aliases = 0;
        var deepest = 0;
        foreach (var selection in set.Selections)
        {
            Expansion inner;
            switch (selection)
            {
                case GraphQLField field:
                    if (depth + 1 > _options.MaxDepth)
                    {
                        throw new GatewayException(ErrorCodes.QueryTooDeep, $"The operation nests fields deeper than {_options.MaxDepth} levels.");
                    }

                    var below = field.SelectionSet is null ? default : Expand(field.SelectionSet, depth + 1, nesting + 1);
                    inner = new Expansion(below.Fields + 1, below.Aliases + (field.Alias is null ? 0 : 1), below.Depth + 1);
                    break;
                case GraphQLInlineFragment inline:
                    inner = Expand(inline.SelectionSet, depth, nesting + 1);
                    break;
                case GraphQLFragmentSpread spread when _document.Fragments.TryGetValue(spread.FragmentName.Name.StringValue, out var fragment):
                    inner = ExpandFragment(fragment, depth, nesting + 1);
                    break;
                default:
                    // An unknown fragment: validation names it.
                    continue;
            }

            fields += inner.Fields;
            aliases += inner.Aliases;
            deepest = Math.Max(deepest, inner.Depth);
            if (fields > _options.MaxFieldSelections)
            {
                throw TooComplex($"The document selects more than {_options.MaxFieldSelections} fields once fragments are expanded.");
            }

            if (aliases > _options.MaxAliases)
            {
                throw TooComplex($"The document uses more than {_options.MaxAliases} aliases once fragments are expanded.");
            }
        }

        return new Expansion(fields, aliases, deepest);
    }

    /// <summary>A fragment's expansion, worked out once: what it holds does not depend on where it is spread.</summary>
    private Expansion ExpandFragment(GraphQLFragmentDefinition fragment, int depth, int nesting)
    {
        if (!_expansions.TryGetValue(fragment, out var expansion))
        {
            if (!_expanding.Add(fragment))
            {
                throw new GatewayException(ErrorCodes.ValidationFailed, $"Cannot spread fragment '{fragment.FragmentName.Name.StringValue}' within itself.");
            }

            expansion = Expand(fragment.SelectionSet, 0, nesting);
            _expanding.Remove(fragment);
            _expansions[fragment] = expansion;
        }

        if (depth + expansion.Depth > _options.MaxDepth)
        {
            throw new GatewayException(ErrorCodes.QueryTooDeep, $"The operation nests fields deeper than {_options.MaxDepth} levels.");
        }

        return expansion;
    }

    /// <summary>
    /// Counts the pairs of same-named selections validation compares: the operation merged by response name at each
    /// place (as the response will be), fragments spread in place once per place. Runs after <see cref="Expand"/>,
    /// so it visits at most <see cref="FederationEngineOptions.MaxFieldSelections"/> fields.
    /// </summary>
    private void CountOverlaps(List<GraphQLSelectionSet> sets)
    {
        var byName = new Dictionary<string, (int Count, List<GraphQLSelectionSet> Below)>(StringComparer.Ordinal);
        var spread = new HashSet<GraphQLFragmentDefinition>();
        foreach (var set in sets)
        {
            Gather(set, byName, spread);
        }

        foreach (var (count, below) in byName.Values)
        {
            _overlappingPairs += (long)count * (count - 1) / 2;
            if (_overlappingPairs > _options.MaxOverlappingFieldPairs)
            {
                throw TooComplex($"The document selects the same response name too often at one place: more than {_options.MaxOverlappingFieldPairs} pairs of selections would have to be compared.");
            }

            if (below.Count > 0)
            {
                CountOverlaps(below);
            }
        }
    }

    private void Gather(GraphQLSelectionSet set, Dictionary<string, (int Count, List<GraphQLSelectionSet> Below)> byName, HashSet<GraphQLFragmentDefinition> spread)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    var name = (field.Alias?.Name ?? field.Name).StringValue;
                    if (!byName.TryGetValue(name, out var entry))
                    {
                        entry = (0, []);
                    }

                    if (field.SelectionSet is not null)
                    {
                        entry.Below.Add(field.SelectionSet);
                    }

                    byName[name] = (entry.Count + 1, entry.Below);
                    break;
                case GraphQLInlineFragment inline:
                    Gather(inline.SelectionSet, byName, spread);
                    break;
                case GraphQLFragmentSpread fragmentSpread when _document.Fragments.TryGetValue(fragmentSpread.FragmentName.Name.StringValue, out var fragment) && spread.Add(fragment):
                    Gather(fragment.SelectionSet, byName, spread);
                    break;
            }
        }
    }

    private readonly record struct Expansion(long Fields, long Aliases, int Depth);
}
