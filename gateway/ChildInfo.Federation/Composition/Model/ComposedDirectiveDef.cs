namespace ChildInfo.Federation.Composition.Model;

/// <summary>A custom directive a subgraph asks to keep in the supergraph with <c>@composeDirective</c>.</summary>
internal sealed record ComposedDirectiveDef(string Name, string Definition, string? LinkUrl);
