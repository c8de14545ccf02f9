namespace ChildInfo.Federation.Composition;

/// <summary>
/// The outcome of composing: the supergraph SDL when the subgraphs compose, otherwise the errors. Warnings do not
/// stop composition; they say what composes but would hurt (see <see cref="CompositionErrorCodes.CrossSubgraphNonNull"/>).
/// </summary>
public sealed record CompositionResult(string? Supergraph, IReadOnlyList<CompositionError> Errors)
{
    public bool IsSuccess => Supergraph is not null && Errors.Count == 0;

    /// <summary>What composes but should be changed, each with the subgraph that should change it.</summary>
    public IReadOnlyList<CompositionError> Warnings { get; init; } = [];

    public static CompositionResult Failed(IReadOnlyList<CompositionError> errors) => new(null, errors);
}
