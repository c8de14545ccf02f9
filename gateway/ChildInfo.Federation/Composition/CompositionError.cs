namespace ChildInfo.Federation.Composition;

/// <summary>
/// A reason the subgraphs do not compose: a stable <see cref="Code"/> (Apollo's code where one exists), the subgraph
/// it concerns (null when it concerns several), the schema coordinate (<c>Type</c>, <c>Type.field</c>,
/// <c>Type.field(arg:)</c>) and a message for the subgraph's owner.
/// </summary>
public sealed record CompositionError(string Code, string Message, string? Subgraph = null, string? Coordinate = null)
{
    public override string ToString() => Subgraph is null ? $"{Code}: {Message}" : $"{Code}: [{Subgraph}] {Message}";
}
