using ChildInfo.Federation.Access;

namespace ChildInfo.Federation.Operations;

/// <summary>The response shape of an operation: what the client asked for, per concrete type, and what policy withheld.</summary>
internal sealed record OperationShape(string RootType, ShapeField[] RootFields, int FieldCount, FieldSelection Fields);
