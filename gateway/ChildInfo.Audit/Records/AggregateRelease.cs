namespace ChildInfo.Audit.Records;

/// <summary>
/// What an aggregate question released: its cohort definition in canonical text, the agencies it counted, and how
/// many cells of the table were published and how many suppressed. It names no child: an aggregate question is
/// recorded against the analyst and purpose only, and so never appears in a child's access report.
/// </summary>
/// <param name="Question">The question's canonical text (conditions, windows, dimensions, measure).</param>
/// <param name="Agencies">The agencies whose data it counted, in order.</param>
/// <param name="CellsReleased">Cells and totals published with a figure.</param>
/// <param name="CellsSuppressed">Cells and totals published as a symbol in place of a figure.</param>
public sealed record AggregateRelease(string Question, IReadOnlyList<string> Agencies, int CellsReleased, int CellsSuppressed);
