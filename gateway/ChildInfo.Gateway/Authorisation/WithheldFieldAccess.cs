namespace ChildInfo.Gateway.Authorisation;

/// <summary>A field coordinate withheld from a request: label, stable code, reason, rule, and positions withheld.</summary>
public sealed record WithheldFieldAccess(string Field, string? Label, string Code, string Reason, string? Rule, int Count);
