using ChildInfo.Federation.Composition.Merging;

namespace ChildInfo.Federation.Composition.Validation;

/// <summary>NO_QUERIES: no subgraph defines a query field, so the supergraph would have no query root.</summary>
internal sealed class NoQueriesRule : IPostMergeRule
{
    public IEnumerable<CompositionError> Validate(MergedSchema schema)
    {
        if (schema.Type("Query") is not { Fields.Count: > 0 })
        {
            yield return new CompositionError(
                CompositionErrorCodes.NoQueries, "No queries found in any subgraph: a supergraph must have a query root type.", null, "Query");
        }
    }
}
