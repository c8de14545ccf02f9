using GraphQLParser.AST;

namespace ChildInfo.Federation.Supergraph;

/// <summary>
/// One field of a federation field set (<c>@key</c>, <c>@requires</c>, <c>@provides</c>), with its sub-selection.
/// An inline fragment in a field set is a node with <see cref="TypeCondition"/> set and no field name.
/// </summary>
public sealed record FieldSetNode(string? FieldName, string? TypeCondition, IReadOnlyList<FieldSetNode> Children)
{
    public bool IsFragment => FieldName is null;

    /// <summary>
    /// The parsed field when the field set gives it arguments (<c>price(currency: "USD")</c>): they are sent with it.
    /// Null without arguments.
    /// </summary>
    public GraphQLField? Node { get; init; }

    /// <summary>The printed arguments (<c>(currency: "USD")</c>); empty without arguments.</summary>
    public string ArgumentsText { get; init; } = string.Empty;
}
