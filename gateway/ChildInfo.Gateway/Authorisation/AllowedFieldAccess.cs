namespace ChildInfo.Gateway.Authorisation;

/// <summary>A field coordinate a request was allowed to see, with the label that allowed it.</summary>
public sealed record AllowedFieldAccess(string Field, string? Label);
