namespace ChildInfo.Federation.Access;

/// <summary>A field withheld from one response: the decision and how many times it stood in the response.</summary>
public sealed record WithheldField(FieldAccess Decision, int Count);
