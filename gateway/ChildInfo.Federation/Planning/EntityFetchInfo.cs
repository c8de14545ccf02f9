namespace ChildInfo.Federation.Planning;

/// <summary>What an <c>_entities</c> fetch sends for each object: which objects qualify and which fields go in.</summary>
/// <param name="ObjectType">Only objects whose <c>__typename</c> is this type are sent.</param>
/// <param name="RepresentationTypename">The <c>__typename</c> written into each representation (an interface's
/// name when the target subgraph knows it as an <c>@interfaceObject</c>).</param>
/// <param name="Fields">Key and required fields copied into each representation.</param>
/// <param name="RequiresText">The representation selection, printed for the plan's canonical text.</param>
public sealed record EntityFetchInfo(
    string ObjectType,
    string RepresentationTypename,
    IReadOnlyList<RepresentationField> Fields,
    string RequiresText);
