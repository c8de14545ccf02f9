using ChildInfo.Linkage.Comparison;
using ChildInfo.Linkage.Model;
using ChildInfo.Linkage.Records;

namespace ChildInfo.Linkage.Linking;

/// <summary>A record already in the index that shares a blocking key with the record being linked, and its child.</summary>
/// <param name="Record">The stored identifying fields.</param>
/// <param name="ChildId">The child it is linked to now.</param>
public sealed record LinkCandidate(LinkageRecord Record, string ChildId);

/// <summary>Where one record linked between runs belongs.</summary>
/// <param name="ChildId">The existing child it joins; null when it joins none (a child of its own).</param>
/// <param name="Link">The pair that links it (method, weight, evidence); null when it joins none.</param>
/// <param name="Review">Pairs for a person to decide: likely, not likely enough, not yet reviewed.</param>
public sealed record OneRecordDecision(string? ChildId, RecordPair? Link, IReadOnlyList<RecordPair> Review);

/// <summary>
/// Links one new or changed record between full runs, against the records that share a blocking key with it, under
/// the model (m, u, prior and term frequencies) the last full run saved, by the run's own rules: a reviewer's
/// acceptance first, then a shared identifier, then the heaviest pair at least as likely as the link threshold; never
/// into a child that already holds another record of the same agency, nor into one holding a record a reviewer said
/// is a different child. Pairs between the thresholds go to review. It joins at most one existing child: two existing
/// children that the record shows to be one are joined by the next full run.
/// </summary>
public static class OneRecordLinker
{
    /// <param name="record">The record, as its agency holds it now.</param>
    /// <param name="candidates">Records sharing a blocking key with it (the record's own stored version is ignored).</param>
    /// <param name="members">Every record key of each candidate's child (to keep one record per agency per child).</param>
    /// <param name="decisions">Reviewers' decisions on pairs that include the record.</param>
    public static OneRecordDecision Decide(
        LinkageRecord record,
        IReadOnlyList<LinkCandidate> candidates,
        IReadOnlyDictionary<string, IReadOnlyList<string>> members,
        IReadOnlyCollection<ReviewDecision> decisions,
        MatchModel model,
        TermFrequencies terms,
        LinkageOptions options)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(options);
        var reviewed = decisions.GroupBy(d => d.Pair).ToDictionary(g => g.Key, g => g.Last());
        var self = new PreparedRecord(record, 0);
        var scored = new List<(RecordPair Pair, string ChildId, ReviewDecision? Review)>();
        foreach (var candidate in candidates)
        {
            if (candidate.Record.Key == record.Key || candidate.Record.Source == record.Source)
            {
                continue;
            }

            var other = new PreparedRecord(candidate.Record, 1);
            var pair = Linker.Score(self, other, Linker.Compare(model.Comparisons, self, other), model, terms);
            scored.Add((pair, candidate.ChildId, reviewed.GetValueOrDefault(ReviewDecision.PairOf(pair.RecordA, pair.RecordB))));
        }

        bool Joinable(string childId) =>
            members.TryGetValue(childId, out var keys)
            && !keys.Any(k => k != record.Key && k.StartsWith(record.Source + ":", StringComparison.Ordinal))
            && !keys.Any(k => reviewed.TryGetValue(ReviewDecision.PairOf(record.Key, k), out var d) && !d.Accepted);

        var best = scored
            .Where(s => s.Review?.Accepted ?? s.Pair.Probability >= options.LinkThreshold)
            .Where(s => Joinable(s.ChildId))
            .OrderByDescending(s => s.Review is not null)
            .ThenByDescending(s => s.Pair.Method != LinkMethod.Probabilistic)
            .ThenByDescending(s => s.Pair.MatchWeight)
            .ThenBy(s => s.ChildId, StringComparer.Ordinal)
            .Select(s => (s.ChildId, Link: s.Review is not null ? s.Pair with { Method = LinkMethod.Reviewed } : s.Pair))
            .FirstOrDefault();
        var review = scored
            .Where(s => s.Review is null && s.ChildId != best.ChildId
                && s.Pair.Probability >= options.ReviewThreshold && s.Pair.Probability < options.LinkThreshold)
            .Select(s => s.Pair)
            .OrderByDescending(p => p.Probability)
            .ToList();
        return new OneRecordDecision(best.ChildId, best.Link, review);
    }
}
