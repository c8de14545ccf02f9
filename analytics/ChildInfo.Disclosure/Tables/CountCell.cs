namespace ChildInfo.Disclosure.Tables;

/// <summary>
/// One exact count before disclosure control. <see cref="CellKey"/> is the sum of the record keys of the children
/// counted, modulo <see cref="Keys.CellKey.Range"/> (see <see cref="Keys.RecordKeys"/>): the same children always give
/// the same key, so the same cell always gets the same published answer.
/// </summary>
public sealed record CountCell(long Count, int CellKey, Measure? Measure = null);
