using System.Collections.Immutable;

namespace ChildInfo.Federation.Access;

/// <summary>
/// What an operation's plan decided about the fields it selects, per concrete type: the coordinates it serves and
/// the decisions of those it withholds (each once, in the order met).
/// </summary>
public sealed record FieldSelection(ImmutableArray<string> Allowed, ImmutableArray<FieldAccess> Withheld)
{
    public static FieldSelection Empty { get; } = new([], []);
}
