namespace ChildInfo.Subgraphs.YouthJustice.Children;

/// <summary>A child of the child index, known here only by its id.</summary>
public sealed record ChildReference(string Id);
