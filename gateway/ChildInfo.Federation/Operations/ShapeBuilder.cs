using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// Builds the response shape: the fields collected (<see cref="FieldCollector"/>, GraphQL spec §6.3.2) for every
/// concrete type the operation can meet, with the policy's decision on each.
/// </summary>
internal sealed class ShapeBuilder
{
    private readonly SupergraphSchema _schema;
    private readonly FieldCollector _collector;
    private readonly int _maxFields;
    private readonly IFieldAccessPolicy? _policy;
    private readonly Dictionary<string, FieldAccess> _decisions = new(StringComparer.Ordinal);
    private readonly List<string> _allowed = [];
    private readonly List<FieldAccess> _withheld = [];
    private int _fieldCount;

    public ShapeBuilder(SupergraphSchema schema, IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, IReadOnlyDictionary<string, bool> conditions, int maxFields, IFieldAccessPolicy? policy = null)
    {
        _policy = policy;
        _schema = schema;
        _maxFields = maxFields;
        _collector = FieldCollector.ForRuntimeTypes(schema, fragments, conditions);
    }

    public OperationShape Build(GraphQLOperationDefinition operation, string rootType)
    {
        var fields = Collect([new SelectionAt(operation.SelectionSet, rootType)], rootType);
        var selection = _policy is null ? FieldSelection.Empty : new FieldSelection([.. _allowed], [.. _withheld]);
        return new OperationShape(rootType, fields, _fieldCount, selection);
    }

    private ShapeField[] Collect(IReadOnlyList<SelectionAt> selections, string typeName)
    {
        var groups = _collector.Collect(selections);
        var type = _schema.GetType(typeName);
        var result = new ShapeField[groups.Count];
        for (var i = 0; i < groups.Count; i++)
        {
            if (++_fieldCount > _maxFields)
            {
                throw new GatewayException(ErrorCodes.OperationTooComplex, $"The operation selects more than {_maxFields} fields once fragments are expanded.");
            }

            var group = groups[i];
            var node = group.Fields[0].Node;
            var name = node.Name.StringValue;
            var fieldType = name switch
            {
                "__typename" => TypeRef.NonNullOf(TypeRef.Named("String")),
                "__schema" => TypeRef.NonNullOf(TypeRef.Named("__Schema")),
                "__type" => TypeRef.Named("__Type"),
                _ => type.Field(name)?.Type ?? throw new GatewayException(ErrorCodes.ValidationFailed, $"Cannot query field '{name}' on type '{typeName}'."),
            };
            var field = new ShapeField(group.ResponseKey, name, typeName, fieldType, node);
            if (_policy is not null && !field.IsTypename && !field.IsIntrospection && Decide(typeName, name) is { Allowed: false } denied)
            {
                // Withheld before planning: no sub-selection is collected, so nothing under it can be planned either.
                field.Withheld = denied;
                result[i] = field;
                continue;
            }

            if (!field.IsIntrospection && _schema.Types.TryGetValue(fieldType.NamedType, out var named) && named.IsComposite
                && SubSelections(group) is { Count: > 0 } subs)
            {
                var byType = new Dictionary<string, ShapeField[]>(StringComparer.Ordinal);
                foreach (var possible in _schema.PossibleTypes(named.Name))
                {
                    byType[possible] = Collect([.. subs.Select(s => new SelectionAt(s, possible))], possible);
                }

                field.SubByType = byType;
            }

            result[i] = field;
        }

        return result;
    }

    private static List<GraphQLSelectionSet> SubSelections(FieldGroup group)
    {
        var subs = new List<GraphQLSelectionSet>(group.Fields.Count);
        foreach (var field in group.Fields)
        {
            if (field.Node.SelectionSet is { } sub)
            {
                subs.Add(sub);
            }
        }

        return subs;
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
}
