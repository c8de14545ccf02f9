using GraphQLParser.AST;

namespace ChildInfo.Federation.Operations;

/// <summary>A selection set read for one type: what <see cref="FieldCollector"/> collects fields from.</summary>
public readonly record struct SelectionAt(GraphQLSelectionSet Set, string Type);
