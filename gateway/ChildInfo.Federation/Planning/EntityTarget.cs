namespace ChildInfo.Federation.Planning;

/// <summary>The objects one <c>_entities</c> fetch sends of one type, and how their representations are written.</summary>
/// <param name="ObjectType">Only objects whose <c>__typename</c> is (or implements) this type are sent.</param>
/// <param name="RepresentationTypename">The <c>__typename</c> written into each representation (an interface's
/// name when the target subgraph knows it as an <c>@interfaceObject</c>).</param>
/// <param name="Fields">Key and required fields copied into each representation.</param>
public sealed record EntityTarget(string ObjectType, string RepresentationTypename, IReadOnlyList<RepresentationField> Fields);
