namespace ChildInfo.Federation.Composition;

/// <summary>The outcome of composing: the supergraph SDL when the subgraphs compose, otherwise the errors.</summary>
public sealed record CompositionResult(string? Supergraph, IReadOnlyList<CompositionError> Errors)
{
    public bool IsSuccess => Supergraph is not null && Errors.Count == 0;

    public static CompositionResult Failed(IReadOnlyList<CompositionError> errors) => new(null, errors);
}
