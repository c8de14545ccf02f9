using System.Collections.Immutable;

namespace ChildInfo.Registry;

/// <summary>
/// Every difference between two API schemas, breaking first, then by coordinate, so the same pair of schemas always
/// gives the same report. This is what a dry run shows as "the diff of the API schema".
/// </summary>
public sealed class SchemaChangeReport
{
    public SchemaChangeReport(IEnumerable<SchemaChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        Changes = [.. changes
            .OrderBy(c => c.Severity)
            .ThenBy(c => c.Coordinate, StringComparer.Ordinal)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ThenBy(c => c.Message, StringComparer.Ordinal)];
    }

    /// <summary>The changes, breaking first.</summary>
    public ImmutableArray<SchemaChange> Changes { get; }

    /// <summary>True when any change would make queries that work today fail.</summary>
    public bool IsBreaking => Changes.Any(c => c.Severity == SchemaChangeSeverity.Breaking);

    /// <summary>One line per change, marked + (added), - (removed) or ~ (changed); a single line when nothing changed.</summary>
    public string Describe() =>
        Changes.IsEmpty ? "No changes to the API schema." : string.Join('\n', Changes.Select(c => c.ToString()));

    public override string ToString() => Describe();
}
