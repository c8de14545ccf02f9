namespace ChildInfo.Federation.Access;

/// <summary>A policy's decision on one field coordinate.</summary>
/// <param name="Coordinate">The field coordinate <c>Type.field</c>.</param>
/// <param name="Allowed">False withholds the field.</param>
/// <param name="Code">Stable code of the decision, for the error's <c>extensions.code</c>.</param>
/// <param name="Reason">Plain words for the caller.</param>
/// <param name="Rule">The rule that decided, if any.</param>
/// <param name="Label">The classification label that decided, if any.</param>
public sealed record FieldAccess(string Coordinate, bool Allowed, string Code, string Reason, string? Rule, string? Label);
