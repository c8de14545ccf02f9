namespace ChildInfo.Federation.Operations;

/// <summary>The response shape of an operation: what the client asked for, per concrete type.</summary>
internal sealed record OperationShape(string RootType, ShapeField[] RootFields, int FieldCount);
