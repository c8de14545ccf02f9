namespace ChildInfo.Federation.Supergraph;

/// <summary>A subgraph as the supergraph's <c>join__Graph</c> enum names it.</summary>
/// <param name="Name">The subgraph's name (<c>@join__graph(name:)</c>).</param>
/// <param name="EnumValue">The <c>join__Graph</c> enum value that refers to it.</param>
/// <param name="Url">The routing URL (<c>@join__graph(url:)</c>); may be empty.</param>
public sealed record SubgraphInfo(string Name, string EnumValue, string Url);
