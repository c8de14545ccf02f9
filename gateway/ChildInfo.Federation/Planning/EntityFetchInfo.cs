namespace ChildInfo.Federation.Planning;

/// <summary>
/// What an <c>_entities</c> fetch sends for the objects at its path: one target per entity type. Fetches to one
/// subgraph for several types at the same path and step share one call, so a fetch may have several targets.
/// </summary>
/// <param name="Targets">The entity types sent, in the order of the plan.</param>
/// <param name="RequiresText">The representation selection, printed for the plan's canonical text.</param>
public sealed record EntityFetchInfo(IReadOnlyList<EntityTarget> Targets, string RequiresText)
{
    /// <summary>The operation variable the representations are sent in.</summary>
    public string RepresentationsVariable { get; init; } = "representations";

    /// <summary>
    /// The response key its <c>_entities</c> answer comes under: <c>_entities</c>, or the planner's alias of it when the
    /// fetch is one part of a <see cref="BatchStep"/>.
    /// </summary>
    public string ResponseName { get; init; } = "_entities";
}
