using ChildInfo.Federation.Errors;
using GraphQL.Types;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>
/// The specification's SameResponseShape (5.3.2, Field Selection Merging), checked for every set of fields that share a
/// response name, whatever their parent types: GraphQL.NET's rule lets <c>... on Book { sku }</c> (<c>String!</c>) stand
/// beside the interface's <c>sku</c> (<c>String</c>), which the specification, and Apollo Gateway, refuse. Runs after the
/// core rules have passed (fragments acyclic, every field known).
/// </summary>
internal static class SameResponseShapeRule
{
    /// <summary>Fields visited before the check gives up (the operation limits refuse such documents anyway).</summary>
    private const int Budget = 100_000;

    public static List<GraphQLError> Check(GraphQLDocument document, GraphQLOperationDefinition operation, ISchema schema)
    {
        var errors = new List<GraphQLError>();
        IComplexGraphType? root = operation.Operation switch
        {
            OperationType.Mutation => schema.Mutation,
            OperationType.Subscription => schema.Subscription,
            _ => schema.Query,
        };
        if (root is not null)
        {
            var walk = new Walk(document, schema);
            walk.CheckSets([(root, operation.SelectionSet)], errors);
        }

        return errors;
    }

    private sealed class Walk(GraphQLDocument document, ISchema schema)
    {
        private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = document.Definitions
            .OfType<GraphQLFragmentDefinition>()
            .GroupBy(f => f.FragmentName.Name.StringValue, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        private int _visited;

        public void CheckSets(List<(IComplexGraphType Parent, GraphQLSelectionSet Set)> sets, List<GraphQLError> errors)
        {
            var groups = new Dictionary<string, List<(GraphQLField Node, IGraphType Type)>>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (var (parent, set) in sets)
            {
                Collect(parent, set, groups, order, []);
            }

            foreach (var key in order)
            {
                if (_visited > Budget)
                {
                    return;
                }

                var group = groups[key];
                var (first, firstType) = group[0];
                var conflict = group.Skip(1).FirstOrDefault(g => !SameShape(firstType, g.Type));
                if (conflict.Node is not null)
                {
                    errors.Add(new GraphQLError(
                        $"Fields \"{key}\" conflict because they return conflicting types \"{Print(firstType)}\" and \"{Print(conflict.Type)}\". Use different aliases on the fields to fetch both if this was intentional.",
                        ErrorCodes.ValidationFailed,
                        null,
                        [ReservedNames.LocationOf(document, first.Location.Start), ReservedNames.LocationOf(document, conflict.Node.Location.Start)]));
                    continue;
                }

                var children = group
                    .Where(g => g.Node.SelectionSet is not null && Named(g.Type) is IComplexGraphType)
                    .Select(g => ((IComplexGraphType)Named(g.Type), g.Node.SelectionSet!))
                    .ToList();
                if (children.Count > 0)
                {
                    CheckSets(children, errors);
                }
            }
        }

        private void Collect(
            IComplexGraphType parent,
            GraphQLSelectionSet set,
            Dictionary<string, List<(GraphQLField Node, IGraphType Type)>> groups,
            List<string> order,
            HashSet<string> spread)
        {
            foreach (var selection in set.Selections)
            {
                if (++_visited > Budget)
                {
                    return;
                }

                switch (selection)
                {
                    case GraphQLField field:
                        var type = TypeOf(parent, field.Name.StringValue);
                        if (type is null)
                        {
                            continue;
                        }

                        var key = field.Alias?.Name.StringValue ?? field.Name.StringValue;
                        if (!groups.TryGetValue(key, out var group))
                        {
                            groups[key] = group = [];
                            order.Add(key);
                        }

                        group.Add((field, type));
                        break;
                    case GraphQLInlineFragment inline:
                        Collect(Condition(inline.TypeCondition) ?? parent, inline.SelectionSet, groups, order, spread);
                        break;
                    case GraphQLFragmentSpread fragmentSpread:
                        var name = fragmentSpread.FragmentName.Name.StringValue;
                        if (_fragments.TryGetValue(name, out var fragment) && spread.Add(name))
                        {
                            Collect(Condition(fragment.TypeCondition) ?? parent, fragment.SelectionSet, groups, order, spread);
                            spread.Remove(name);
                        }

                        break;
                }
            }
        }

        private IComplexGraphType? Condition(GraphQLTypeCondition? condition) =>
            condition is null ? null : schema.AllTypes[condition.Type.Name.StringValue] as IComplexGraphType;

        private static IGraphType? TypeOf(IComplexGraphType parent, string fieldName) =>
            fieldName == "__typename" ? TypenameType : fieldName.StartsWith("__", StringComparison.Ordinal) ? null : parent.GetField(fieldName)?.ResolvedType;
    }

    private static readonly IGraphType TypenameType = new NonNullGraphType(new StringGraphType());

    /// <summary>Same list and non-null wrappers, and for leaf types the same type (objects may differ: their fields are compared in turn).</summary>
    private static bool SameShape(IGraphType a, IGraphType b) => (a, b) switch
    {
        (NonNullGraphType x, NonNullGraphType y) => SameShape(x.ResolvedType!, y.ResolvedType!),
        (NonNullGraphType, _) or (_, NonNullGraphType) => false,
        (ListGraphType x, ListGraphType y) => SameShape(x.ResolvedType!, y.ResolvedType!),
        (ListGraphType, _) or (_, ListGraphType) => false,
        (IComplexGraphType, IComplexGraphType) => true,
        (IComplexGraphType, _) or (_, IComplexGraphType) => false,
        _ => a.Name == b.Name,
    };

    private static IGraphType Named(IGraphType type) => type is IProvideResolvedType wrapper ? Named(wrapper.ResolvedType!) : type;

    private static string Print(IGraphType type) => type switch
    {
        NonNullGraphType nonNull => Print(nonNull.ResolvedType!) + "!",
        ListGraphType list => "[" + Print(list.ResolvedType!) + "]",
        _ => type.Name,
    };
}
