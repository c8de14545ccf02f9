using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ChildInfo.Federation.Errors;
using ChildInfo.Federation.Operations;
using ChildInfo.Federation.Supergraph;

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
