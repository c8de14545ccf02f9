using ChildInfo.Federation.Access;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Federation.Planning;

/// <summary>
/// Plans operations against one supergraph. Built once per supergraph and shared; planning does no I/O.
/// </summary>
public sealed class QueryPlanner
{
    private readonly SupergraphSchema _schema;
    private readonly QueryPlannerOptions _options;

    public QueryPlanner(SupergraphSchema schema, QueryPlannerOptions? options = null)
    {
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _options = options ?? new QueryPlannerOptions();
    }

    public SupergraphSchema Schema => _schema;

    /// <summary>Plans a validated operation with the given values of the variables its <c>@include</c>/<c>@skip</c> use.</summary>
    public QueryPlan Plan(GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlyDictionary<string, bool> conditions) =>
        Plan(document, operation, conditions, null);

    /// <summary>
    /// Plans a validated operation, leaving out every field <paramref name="policy"/> denies: a withheld field is never
    /// requested from a subgraph, and nothing under it is planned. The policy's record guard, if any, has its fields
    /// fetched with the objects it checks.
    /// </summary>
    public QueryPlan Plan(GraphQLDocument document, GraphQLOperationDefinition operation, IReadOnlyDictionary<string, bool> conditions, IFieldAccessPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Plan(OperationDocument.FragmentsOf(document), operation, conditions, policy);
    }

    /// <summary>As <see cref="Plan(GraphQLDocument, GraphQLOperationDefinition, IReadOnlyDictionary{string, bool}, IFieldAccessPolicy?)"/>, for the request's one parse: its fragments are not gathered again.</summary>
    internal QueryPlan Plan(OperationDocument document, IReadOnlyDictionary<string, bool> conditions, IFieldAccessPolicy? policy) =>
        Plan(document.Fragments, document.Operation, conditions, policy);

    private QueryPlan Plan(IReadOnlyDictionary<string, GraphQLFragmentDefinition> fragments, GraphQLOperationDefinition operation, IReadOnlyDictionary<string, bool> conditions, IFieldAccessPolicy? policy)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(conditions);
        var rootType = operation.Operation switch
        {
            OperationType.Query => _schema.QueryType,
            OperationType.Mutation => _schema.MutationType ?? throw new PlanningException(ErrorCodes.ValidationFailed, "The schema has no mutation type."),
            _ => throw new PlanningException(ErrorCodes.OperationNotSupported, "Subscriptions are not supported."),
        };

        var shape = new ShapeBuilder(_schema, fragments, conditions, _options.MaxFields, policy).Build(operation, rootType);
        var context = new PlanContext(_schema, _options.MaxWork, operation, policy?.RecordGuard);
        var rootAnchor = ValuePath.At(new ValueAnchor(null, null, rootType, [], null, shape.RootFields));
        var hasIntrospection = false;
        FetchBuilder? previous = null;
        var group = 0;
        List<ShapeField>? deferred = null;
        var deferring = false;
        for (var i = 0; ; i++)
        {
            ShapeField field;
            if (!deferring && i == shape.RootFields.Length)
            {
                if (deferred is null)
                {
                    break;
                }

                (deferring, i) = (true, 0);
            }

            if (deferring)
            {
                if (i == deferred!.Count)
                {
                    break;
                }

                field = deferred[i];
            }
            else
            {
                field = shape.RootFields[i];
            }

            if (field.IsIntrospection)
            {
                hasIntrospection = true;
                continue;
            }

            if (field.NotFetched)
            {
                continue;
            }

            string graph;
            if (operation.Operation == OperationType.Mutation)
            {
                graph = ChooseRootGraph(context, rootType, field, previous?.Graph);
            }
            else
            {
                graph = ChooseQueryGraph(context, rootType, field, shape.RootFields, out var tied);
                if (tied && !deferring)
                {
                    // Several subgraphs serve this field equally well: decided once the other root fields have
                    // chosen, so it joins a subgraph already asked rather than adding a fetch.
                    (deferred ??= []).Add(field);
                    continue;
                }
            }

            FetchBuilder fetch;
            if (operation.Operation == OperationType.Mutation)
            {
                if (previous is null || previous.Graph != graph)
                {
                    previous = context.NewRootFetch(graph);
                    previous.Group = group++;
                }

                fetch = previous;
            }
            else
            {
                fetch = context.RootFetchFor(graph);
            }

            context.PlanResolvedField(fetch, fetch.Selection, rootType, [], field, null, rootAnchor);
        }

        if (context.Guard is not null)
        {
            context.OrderAfterGuards();
        }

        var (root, schedule) = PlanScheduler.Schedule(context, operation);
        return new QueryPlan(operation.Operation, root, schedule, shape, hasIntrospection);
    }

    private string ChooseRootGraph(PlanContext context, string rootType, ShapeField field, string? preferred)
    {
        string? best = null;
        var bestScore = -1;
        foreach (var subgraph in _schema.Subgraphs)
        {
            if (!context.CanResolve(subgraph.Name, rootType, field.FieldName, null, allowRequires: false))
            {
                continue;
            }

            var score = RootScore(context, subgraph.Name, field, preferred);
            if (score > bestScore)
            {
                best = subgraph.Name;
                bestScore = score;
            }
        }

        return best ?? throw new PlanningException($"No subgraph resolves '{rootType}.{field.FieldName}'.");
    }

    /// <summary>
    /// The subgraph to ask for a query's root field that several subgraphs resolve: the one whose plan for the field
    /// completes the selection with the fewest fetches (counting what <c>@provides</c> saves and the hops keys need),
    /// each candidate planned on its own; ties go to the one resolving most of the selection itself, then to one
    /// already asked.
    /// </summary>
    /// <param name="tied">Set when several subgraphs would serve the field with equally few fetches.</param>
    private string ChooseQueryGraph(PlanContext context, string rootType, ShapeField field, ShapeField[] rootFields, out bool tied)
    {
        tied = false;
        string? only = null;
        var candidates = 0;
        var asked = false;
        foreach (var subgraph in _schema.Subgraphs)
        {
            if (context.CanResolve(subgraph.Name, rootType, field.FieldName, null, allowRequires: false))
            {
                only = subgraph.Name;
                candidates++;
                asked |= context.HasRootFetch(subgraph.Name);
            }
        }

        if (candidates <= 1 || field.SubByType is null)
        {
            tied = candidates > 1 && !asked;
            return candidates == 0
                ? throw new PlanningException($"No subgraph resolves '{rootType}.{field.FieldName}'.")
                : candidates == 1 ? only! : ChooseRootGraph(context, rootType, field, null);
        }

        string? best = null;
        var bestCost = int.MaxValue;
        var bestScore = -1;
        PlanningException? failure = null;
        foreach (var subgraph in _schema.Subgraphs)
        {
            if (!context.CanResolve(subgraph.Name, rootType, field.FieldName, null, allowRequires: false))
            {
                continue;
            }

            var cost = context.TrialCost(subgraph.Name, rootType, field, rootFields, out var failed);
            if (failed is not null)
            {
                failure ??= failed;
                continue;
            }

            var score = RootScore(context, subgraph.Name, field, null);
            tied = cost < bestCost ? false : tied || cost == bestCost;
            if (cost < bestCost || (cost == bestCost && score > bestScore))
            {
                (best, bestCost, bestScore) = (subgraph.Name, cost, score);
            }
        }

        return best ?? throw failure!;
    }

    private static int RootScore(PlanContext context, string graph, ShapeField field, string? preferred) =>
        (context.Score(graph, field, 3) * 2) + (graph == preferred || context.HasRootFetch(graph) ? 1 : 0);
}
