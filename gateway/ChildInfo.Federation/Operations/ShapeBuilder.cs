using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>Collects fields (GraphQL spec §6.3.2 CollectFields) for every concrete type an operation can meet.</summary>
internal sealed class ShapeBuilder
{
    private readonly SupergraphSchema _schema;
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments;
    private readonly IReadOnlyDictionary<string, bool> _conditions;
    private readonly int _maxFields;
    private readonly IFieldAccessPolicy? _policy;
    private readonly Dictionary<string, FieldAccess> _decisions = new(StringComparer.Ordinal);
    private readonly List<string> _allowed = [];
    private readonly List<FieldAccess> _withheld = [];
    private int _fieldCount;

    public ShapeBuilder(SupergraphSchema schema, GraphQLDocument document, IReadOnlyDictionary<string, bool> conditions, int maxFields, IFieldAccessPolicy? policy = null)
    {
        _policy = policy;
        _schema = schema;
        _conditions = conditions;
        _maxFields = maxFields;
        _fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            _fragments[fragment.FragmentName.Name.StringValue] = fragment;
        }
    }

    public OperationShape Build(GraphQLOperationDefinition operation, string rootType)
    {
        var fields = Collect(rootType, [operation.SelectionSet]);
        var selection = _policy is null ? FieldSelection.Empty : new FieldSelection([.. _allowed], [.. _withheld]);
        return new OperationShape(rootType, fields, _fieldCount, selection);
    }

    private ShapeField[] Collect(string typeName, IReadOnlyList<GraphQLSelectionSet> selectionSets)
    {
        var groups = new Dictionary<string, (GraphQLField First, List<GraphQLSelectionSet> Subs)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var set in selectionSets)
        {
            CollectInto(typeName, set, groups, order, null);
        }

        var type = _schema.GetType(typeName);
        var result = new ShapeField[order.Count];
        for (var i = 0; i < order.Count; i++)
        {
            if (++_fieldCount > _maxFields)
            {
                throw new GatewayException(ErrorCodes.OperationTooComplex, $"The operation selects more than {_maxFields} fields once fragments are expanded.");
            }

            var (node, subs) = groups[order[i]];
            var name = node.Name.StringValue;
            var fieldType = name switch
            {
                "__typename" => TypeRef.NonNullOf(TypeRef.Named("String")),
                "__schema" => TypeRef.NonNullOf(TypeRef.Named("__Schema")),
                "__type" => TypeRef.Named("__Type"),
                _ => type.Field(name)?.Type ?? throw new GatewayException(ErrorCodes.ValidationFailed, $"Cannot query field '{name}' on type '{typeName}'."),
            };
            var field = new ShapeField(order[i], name, typeName, fieldType, node);
            if (_policy is not null && !field.IsTypename && !field.IsIntrospection && Decide(typeName, name) is { Allowed: false } denied)
            {
                // Withheld before planning: no sub-selection is collected, so nothing under it can be planned either.
                field.Withheld = denied;
                result[i] = field;
                continue;
            }

            if (subs.Count > 0 && !field.IsIntrospection && _schema.Types.TryGetValue(fieldType.NamedType, out var named) && named.IsComposite)
            {
                var byType = new Dictionary<string, ShapeField[]>(StringComparer.Ordinal);
                foreach (var possible in _schema.PossibleTypes(named.Name))
                {
                    byType[possible] = Collect(possible, subs);
                }

                field.SubByType = byType;
            }

            result[i] = field;
        }

        return result;
    }

    private FieldAccess Decide(string typeName, string fieldName)
    {
        var coordinate = typeName + "." + fieldName;
        if (_decisions.TryGetValue(coordinate, out var decision))
        {
            return decision;
        }

        decision = _policy!.Decide(typeName, fieldName);
        _decisions[coordinate] = decision;
        if (decision.Allowed)
        {
            _allowed.Add(coordinate);
        }
        else
        {
            _withheld.Add(decision);
        }

        return decision;
    }

    private void CollectInto(
        string typeName,
        GraphQLSelectionSet set,
        Dictionary<string, (GraphQLField First, List<GraphQLSelectionSet> Subs)> groups,
        List<string> order,
        HashSet<string>? visitedFragments)
    {
        foreach (var selection in set.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    if (!Included(field))
                    {
                        continue;
                    }

                    var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                    if (!groups.TryGetValue(key, out var group))
                    {
                        group = (field, []);
                        groups[key] = group;
                        order.Add(key);
                    }

                    if (field.SelectionSet is not null)
                    {
                        group.Subs.Add(field.SelectionSet);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    if (Included(inline) && Applies(typeName, inline.TypeCondition?.Type.Name.StringValue))
                    {
                        CollectInto(typeName, inline.SelectionSet, groups, order, visitedFragments);
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var fragmentName = spread.FragmentName.Name.StringValue;
                    visitedFragments ??= new HashSet<string>(StringComparer.Ordinal);
                    if (!Included(spread) || !visitedFragments.Add(fragmentName) || !_fragments.TryGetValue(fragmentName, out var fragment))
                    {
                        continue;
                    }

                    if (Applies(typeName, fragment.TypeCondition.Type.Name.StringValue))
                    {
                        CollectInto(typeName, fragment.SelectionSet, groups, order, visitedFragments);
                    }

                    break;
            }
        }
    }

    private bool Applies(string typeName, string? condition) => condition is null || _schema.Matches(typeName, condition);

    private bool Included(IHasDirectivesNode node)
    {
        if (node.Directives is null)
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
        GraphQLVariable v => _conditions.TryGetValue(v.Name.StringValue, out var b) && b,
        _ => false,
    };
}
