namespace ChildInfo.Federation.Errors;

/// <summary>A line and column (both from 1) in the client's query text.</summary>
public readonly record struct ErrorLocation(int Line, int Column);
