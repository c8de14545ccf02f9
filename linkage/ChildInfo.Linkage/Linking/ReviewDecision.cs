namespace ChildInfo.Linkage.Linking;

/// <summary>A reviewer's decision on a candidate pair, kept and respected by every later run.</summary>
/// <param name="RecordA">One record's key (<c>source:localId</c>).</param>
/// <param name="RecordB">The other record's key.</param>
/// <param name="Accepted">True: the same child, link them; false: different children, never link them.</param>
/// <param name="Reviewer">Who decided.</param>
public sealed record ReviewDecision(string RecordA, string RecordB, bool Accepted, string Reviewer)
{
    /// <summary>The pair's key whichever way round it was given.</summary>
    public (string, string) Pair => PairOf(RecordA, RecordB);

    /// <summary>Two record keys in ordinal order: one key for a pair whichever way round it is named.</summary>
    public static (string, string) PairOf(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
