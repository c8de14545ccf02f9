namespace ChildInfo.Federation;

/// <summary>
/// An operation an engine has compiled and planned: its text and name as the plan cache keys it, the scope it was
/// planned for (opaque to the engine: the host's policy scope), and the <c>@include</c>/<c>@skip</c> plan keys it
/// holds plans for. No variable values: what a caller asked about never leaves the request.
/// </summary>
public sealed record CachedOperation(string Text, string? OperationName, string? ScopeKey, IReadOnlyList<ulong> ConditionKeys);
