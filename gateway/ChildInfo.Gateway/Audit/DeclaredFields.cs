using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;
using GraphQLParser.AST;

namespace ChildInfo.Gateway.Audit;

/// <summary>
/// The fields of one parsed operation as the audit's walk reads them (collected for their declared types,
/// <see cref="FieldCollector.ForDeclaredTypes"/>), with what the schema says of each. A cached operation serves many
/// requests, and its fields do not depend on the request: the walks of all of them share one, so a request whose
/// operation was collected before collects nothing. Thread-safe.
/// </summary>
internal sealed class DeclaredFields
{
    private static readonly ConditionalWeakTable<OperationDocument, DeclaredFields> Shared = [];

    private readonly Lock _gate = new();
    private readonly FieldCollector _collector;
    private readonly ConcurrentDictionary<CollectedField, Field?> _facts = new();
    private GatewayException? _failed;
    private bool? _reachesChildren;

    private DeclaredFields(SupergraphSchema schema, OperationDocument document)
    {
        Schema = schema;
        _collector = FieldCollector.ForDeclaredTypes(schema, document.Fragments);
    }

    public SupergraphSchema Schema { get; }

    /// <summary>The one kept with <paramref name="document"/> for <paramref name="schema"/>, made on first use.</summary>
    public static DeclaredFields SharedBy(SupergraphSchema schema, OperationDocument document)
    {
        var fields = Shared.GetValue(document, d => new DeclaredFields(schema, d));
        return ReferenceEquals(fields.Schema, schema) ? fields : Own(schema, document);
    }

    /// <summary>One for a single walk.</summary>
    public static DeclaredFields Own(SupergraphSchema schema, OperationDocument document) => new(schema, document);

    /// <summary>
    /// The fields the selection sets select together. Throws <see cref="GatewayException"/> past the collector's bound,
    /// which counts every collection it ever made (<see cref="FieldCollector.MaxSteps"/>), and from then on.
    /// </summary>
    public IReadOnlyList<FieldGroup> Collect(IReadOnlyList<SelectionAt> selections)
    {
        lock (_gate)
        {
            if (_failed is not null)
            {
                // A collector stopped part-way is not trusted again: every later walk collects on its own.
                throw new GatewayException(_failed.Code ?? ErrorCodes.OperationTooComplex, _failed.Message);
            }

            try
            {
                return _collector.Collect(selections);
            }
            catch (GatewayException ex)
            {
                _failed = ex;
                throw;
            }
        }
    }

    /// <summary>
    /// Whether the audit's walk can find anything in this operation: a field of or returning <c>Child</c> or an agency's
    /// record type, or a root field given a record's key (the walk's only ways to a child). Worked out once per
    /// operation from its selections alone, each distinct selection once: an operation that reaches none of them gives
    /// every walk of its responses nothing, so the walk over the response is skipped. Throws as <see cref="Collect"/>.
    /// </summary>
    public bool ReachesChildren(GraphQLSelectionSet root, string rootType)
    {
        lock (_gate)
        {
            if (_reachesChildren is { } known)
            {
                return known;
            }
        }

        var reaches = Reaches(root, rootType);
        lock (_gate)
        {
            _reachesChildren = reaches;
        }

        return reaches;
    }

    private bool Reaches(GraphQLSelectionSet root, string rootType)
    {
        var records = AgencyRecordKeys.Of(Schema);
        var seen = new HashSet<IReadOnlyList<FieldGroup>>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<(IReadOnlyList<FieldGroup> Fields, int Depth)>();
        pending.Push((Collect([new SelectionAt(root, rootType)]), 0));
        while (pending.TryPop(out var next))
        {
            if (next.Depth > ChildDisclosureWalker.MaxDepth || !seen.Add(next.Fields))
            {
                continue;
            }

            foreach (var group in next.Fields)
            {
                List<SelectionAt>? below = null;
                foreach (var field in group.Fields)
                {
                    if (Facts(field) is not { } facts)
                    {
                        continue;
                    }

                    if (field.ParentType == ChildDisclosureWalker.ChildType || facts.NamedType == ChildDisclosureWalker.ChildType
                        || records.Record(field.ParentType) is not null || records.Record(facts.NamedType) is not null
                        || IsRecordLookup(field, facts, records))
                    {
                        return true;
                    }

                    if (field.Node.SelectionSet is { } sub)
                    {
                        (below ??= []).Add(new SelectionAt(sub, facts.NamedType));
                    }
                }

                if (below is not null)
                {
                    pending.Push((Collect(below), next.Depth + 1));
                }
            }
        }

        return false;
    }

    /// <summary>A root field of the service holding a child's records, given an argument that names one (<c>pupil(upn:)</c>).</summary>
    private bool IsRecordLookup(CollectedField field, Field facts, AgencyRecordKeys records) =>
        (field.ParentType == Schema.QueryType || field.ParentType == Schema.MutationType) && facts.OwnSource is { } source
        && field.Node.Arguments is { } arguments && arguments.Items.Exists(a => records.IsKey(source, a.Name.StringValue));

    /// <summary>What the schema says of a collected field; null for meta fields and fields the schema does not have.</summary>
    public Field? Facts(CollectedField field) => _facts.GetOrAdd(field, static (field, schema) =>
        !field.Name.StartsWith("__", StringComparison.Ordinal)
        && schema.Types.TryGetValue(field.ParentType, out var parent) && parent.Field(field.Name) is { } definition
            ? new Field(
                field.ParentType + "." + field.Name,
                definition.Type.NamedType,
                ChildDisclosureWalker.OwnSource(schema, parent, definition),
                ChildDisclosureWalker.Source(schema, parent, definition))
            : null,
        Schema);

    /// <param name="Coordinate"><c>Type.field</c>.</param>
    /// <param name="NamedType">The type it returns, lists and non-null taken off.</param>
    /// <param name="OwnSource">The service that resolves it when the supergraph says so (<see cref="ChildDisclosureWalker.OwnSource"/>).</param>
    /// <param name="Source">The service recorded otherwise when nothing encloses it (<see cref="ChildDisclosureWalker.Source"/>).</param>
    internal sealed record Field(string Coordinate, string NamedType, string? OwnSource, string Source);
}
