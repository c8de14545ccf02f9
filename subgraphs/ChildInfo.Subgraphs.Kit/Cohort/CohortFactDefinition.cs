using System.Collections.Immutable;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// One fact an agency can count by, declared beside the agency's tables: what it is called and means, the label of
/// the data it reads, and the SQL that finds the records. The SQL is one plain <c>SELECT</c> (no CTE, no
/// <c>ORDER BY</c>: it runs as a derived table) that returns the columns the kind needs, under these names:
/// <list type="bullet">
/// <item><c>local_id</c>: the record's key, exactly as the child index links it (<c>ci_record_link.local_id</c>);</item>
/// <item><c>value</c>: for a <see cref="CohortFactKind.Condition"/> with <see cref="Values"/>, the value a filter matches;</item>
/// <item><c>grp</c>: for a <see cref="CohortFactKind.Dimension"/>, the record's one group value;</item>
/// <item><c>measure</c>: for a <see cref="CohortFactKind.Measure"/> or <see cref="CohortFactKind.Events"/>, the number.</item>
/// </list>
/// It takes the window as parameters: <c>@to</c> for <see cref="CohortWindowKind.AsAt"/>, <c>@from</c> and <c>@to</c>
/// for <see cref="CohortWindowKind.During"/>, none for <see cref="CohortWindowKind.None"/>; dates compare as the
/// Kit's date parameters do on every provider. Rows of a condition are made distinct by the Kit; a dimension,
/// measure or events fact must give one row per record itself.
/// </summary>
/// <param name="Name">snake_case, unique within the agency (<c>cp_plan</c>).</param>
/// <param name="Label">The policy label of the data it reads (<c>protection</c>); counting it needs <c>count:</c> and this label.</param>
/// <param name="Description">Plain English, shown to analysts.</param>
/// <param name="Kind">What it gives per record.</param>
/// <param name="Window">Which dates it takes.</param>
/// <param name="Sql">The parameterised query described above.</param>
public sealed record CohortFactDefinition(string Name, string Label, string Description, CohortFactKind Kind, CohortWindowKind Window, string Sql)
{
    /// <summary>
    /// The fixed values: a condition's allowed filters, a dimension's groups; empty when there are none or when
    /// <see cref="ValuesSql"/> reads them from the database.
    /// </summary>
    public ImmutableArray<string> Values { get; init; } = [];

    /// <summary>
    /// A query returning the values in one column <c>value</c>, for values the agency's own reference data holds
    /// (its teams...); null when <see cref="Values"/> is fixed.
    /// </summary>
    public string? ValuesSql { get; init; }
}
