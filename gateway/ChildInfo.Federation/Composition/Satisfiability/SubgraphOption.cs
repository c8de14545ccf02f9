namespace ChildInfo.Federation.Composition.Satisfiability;

/// <summary>
/// One way the query can stand at a point of the API schema: in <see cref="Subgraph"/>, with the fields a
/// <c>@provides</c> on the way in made available there (<see cref="Provided"/>, a field set on the current type).
/// </summary>
internal sealed record SubgraphOption(string Subgraph, string? Provided)
{
    public override string ToString() => Provided is null ? Subgraph : Subgraph + "{" + Provided + "}";
}
