using ChildInfo.Linkage.Blocking;
using ChildInfo.Linkage.Model;

namespace ChildInfo.Linkage.Linking;

/// <summary>How one field of a linked or candidate pair compared, in words (for the evidence a reviewer sees).</summary>
/// <param name="Field">The field, for example <c>dateOfBirth</c>.</param>
/// <param name="Comparison">What was found, for example "day and month swapped"; "missing" when either side lacks it.</param>
/// <param name="Weight">What it added to the match weight (log2 Bayes factor, term frequency included).</param>
public sealed record FieldEvidence(string Field, string Comparison, double Weight);

/// <summary>A pair of records judged the same child, or put to a reviewer.</summary>
/// <param name="RecordA">One record's key (<c>source:localId</c>).</param>
/// <param name="RecordB">The other's.</param>
/// <param name="Method">How it was made (<see cref="LinkMethod"/>).</param>
/// <param name="MatchWeight">The total match weight (log2 of the odds that they are the same child).</param>
/// <param name="Probability">The probability that they are the same child.</param>
/// <param name="Evidence">Each field's comparison.</param>
public sealed record RecordPair(string RecordA, string RecordB, string Method, double MatchWeight, double Probability, IReadOnlyList<FieldEvidence> Evidence);

/// <summary>What one linkage run decided.</summary>
public sealed record LinkageResult
{
    /// <summary>Each child found: the keys of the records that are theirs (one per source at most), in key order.</summary>
    public required IReadOnlyList<IReadOnlyList<string>> Clusters { get; init; }

    /// <summary>The links that made the clusters, strongest first.</summary>
    public required IReadOnlyList<RecordPair> Links { get; init; }

    /// <summary>Pairs for a person to decide: likely, but not likely enough to link alone, and not yet reviewed.</summary>
    public required IReadOnlyList<RecordPair> ReviewQueue { get; init; }

    /// <summary>The model estimated for this run.</summary>
    public required MatchModel Model { get; init; }

    /// <summary>How common each name and postcode was among the run's records (saved with the model for linking one record later).</summary>
    public TermFrequencies? Terms { get; init; }

    /// <summary>How many pairs were compared (after blocking).</summary>
    public required long CandidatePairs { get; init; }

    /// <summary>What each blocking rule brought together, and the blocks left out for being too large.</summary>
    public IReadOnlyList<BlockingRuleCount> Blocking { get; init; } = [];
}
