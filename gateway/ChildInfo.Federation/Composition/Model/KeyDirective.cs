namespace ChildInfo.Federation.Composition.Model;

/// <summary>One <c>@key</c> of a type in a subgraph.</summary>
internal sealed record KeyDirective(string Fields, bool Resolvable);
