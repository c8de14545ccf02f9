namespace ChildInfo.Disclosure.Publishing;

/// <summary>
/// One published position of the table: the number of children, its percentage of its row total (a total's, of the
/// grand total), and the measure's mean and median.
/// </summary>
public sealed record PublishedCell(PublishedValue Count, PublishedValue Percentage, PublishedValue Mean, PublishedValue Median)
{
    /// <summary>Whether the count is suppressed (<c>c</c>).</summary>
    public bool IsSuppressed => Count.Symbol == GssSymbol.Confidential;
}
