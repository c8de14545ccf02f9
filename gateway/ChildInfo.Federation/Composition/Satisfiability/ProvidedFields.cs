using ChildInfo.Federation.Supergraph;

namespace ChildInfo.Federation.Composition.Satisfiability;

/// <summary>Reads a <c>@provides</c> field set as the search carries it: which fields it names, and what it provides below one.</summary>
internal static class ProvidedFields
{
    public static bool Contains(string? provided, string field) => Find(provided, field) is not null;

    /// <summary>The part of the field set below <paramref name="field"/> (null when it selects nothing there).</summary>
    public static string? Below(string? provided, string field) =>
        Find(provided, field) is { Children.Count: > 0 } node ? Print(node.Children) : null;

    public static string? Combine(string? first, string? second) =>
        first is null ? second : second is null ? first : first + " " + second;

    private static FieldSetNode? Find(string? provided, string field)
    {
        if (provided is null)
        {
            return null;
        }

        IReadOnlyList<FieldSetNode> nodes;
        try
        {
            nodes = FieldSetParser.Parse(provided);
        }
        catch (SupergraphException)
        {
            return null;
        }

        return Flatten(nodes).FirstOrDefault(n => n.FieldName == field);
    }

    // Type conditions are read as if the fields were selected directly: a provided field is available whichever
    // implementation the object turns out to be, which is the permissive reading.
    private static IEnumerable<FieldSetNode> Flatten(IReadOnlyList<FieldSetNode> nodes) =>
        nodes.SelectMany(n => n.IsFragment ? Flatten(n.Children) : [n]);

    private static string Print(IReadOnlyList<FieldSetNode> nodes) => string.Join(" ", nodes.Select(n =>
        (n.IsFragment ? "... on " + n.TypeCondition : n.FieldName) + (n.Children.Count > 0 ? " { " + Print(n.Children) + " }" : string.Empty)));
}
