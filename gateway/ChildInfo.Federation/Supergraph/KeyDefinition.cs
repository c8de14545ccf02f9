namespace ChildInfo.Federation.Supergraph;

/// <summary>An entity key of a type in one subgraph.</summary>
public sealed record KeyDefinition(string Fields, IReadOnlyList<FieldSetNode> Selection, bool Resolvable);
