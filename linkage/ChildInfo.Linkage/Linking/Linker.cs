using ChildInfo.Linkage.Blocking;
using ChildInfo.Linkage.Comparison;
using ChildInfo.Linkage.Model;
using ChildInfo.Linkage.Records;

namespace ChildInfo.Linkage.Linking;

/// <summary>
/// Links agencies' records of the same child: records that share an NHS number or a UPN are linked outright; every
/// other pair that meets through a blocking key is scored with a Fellegi–Sunter model whose u comes from random pairs
/// and whose m and λ come from EM over the blocked pairs, with exact name and postcode agreement weighed by how rare
/// the value is (term frequency). Pairs above the link threshold are joined into children strongest first, never
/// putting two records of one source in one child; pairs between the thresholds go to review. Reviewed decisions
/// come first: an accepted pair is linked, a rejected one never is.
/// </summary>
public sealed class Linker
{
    private readonly LinkageOptions _options;
    private readonly IReadOnlyList<FieldComparison> _comparisons = FieldComparison.Standard;

    public Linker(LinkageOptions? options = null)
    {
        _options = options ?? new LinkageOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }
    }

    public LinkageResult Run(IReadOnlyList<LinkageRecord> records, IReadOnlyCollection<ReviewDecision>? decisions = null, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var duplicate = records.GroupBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The record {duplicate.Key} is given more than once.", nameof(records));
        }

        var prepared = records.Select((r, i) => new PreparedRecord(r, i)).ToArray();
        var candidates = CandidatePairs(prepared);
        progress?.Report($"{prepared.Length:N0} records, {candidates.Count:N0} candidate pairs after blocking");

        var vectors = candidates.Select(pair => Compare(prepared[pair.A], prepared[pair.B])).ToArray();
        // Pairs that share an NHS number or a UPN are one child: they say how often each other field agrees for one child.
        var labelled = vectors.Where(v => v[0] == 0 || v[1] == 0).ToList();
        var perSource = prepared.GroupBy(p => p.Record.Source, StringComparer.Ordinal).Select(g => (double)g.Count()).ToList();
        var allPairs = (Math.Pow(perSource.Sum(), 2) - perSource.Sum(n => n * n)) / 2;
        var model = MatchModel.Estimate(_comparisons, RandomVectors(prepared), vectors, labelled, new HashSet<int> { 0, 1 }).WithPrior(candidates.Count, allPairs);
        progress?.Report($"model estimated in {model.Iterations} iterations (λ = {model.Lambda:0.####})");

        var terms = new TermFrequencies(_comparisons, prepared);
        var byKey = prepared.ToDictionary(p => p.Record.Key, StringComparer.Ordinal);
        var reviewed = (decisions ?? []).GroupBy(d => d.Pair).ToDictionary(g => g.Key, g => g.Last());
        var scored = new List<RecordPair>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var (a, b) = (prepared[candidates[i].A], prepared[candidates[i].B]);
            scored.Add(Score(a, b, vectors[i], model, terms));
        }

        // Accepted reviews that blocking did not pair still link (a reviewer may join what no key brings together).
        var compared = scored.Select(Key).ToHashSet();
        foreach (var decision in reviewed.Values.Where(d => d.Accepted))
        {
            if (byKey.TryGetValue(decision.RecordA, out var a) && byKey.TryGetValue(decision.RecordB, out var b) && !compared.Contains(decision.Pair))
            {
                scored.Add(Score(a, b, Compare(a, b), model, terms));
            }
        }

        var clusters = new Clusters(prepared);
        var links = new List<RecordPair>();
        foreach (var pair in scored.Select(p => (Pair: p, Review: reviewed.GetValueOrDefault(Key(p))))
                     .Where(p => p.Review?.Accepted ?? p.Pair.Probability >= _options.LinkThreshold)
                     .OrderByDescending(p => p.Review is not null)
                     .ThenByDescending(p => p.Pair.Method != LinkMethod.Probabilistic)
                     .ThenByDescending(p => p.Pair.MatchWeight)
                     .Select(p => p.Review is not null ? p.Pair with { Method = LinkMethod.Reviewed } : p.Pair))
        {
            if (reviewed.TryGetValue(Key(pair), out var decision) && !decision.Accepted)
            {
                continue;
            }

            if (clusters.TryJoin(byKey[pair.RecordA].Index, byKey[pair.RecordB].Index, reviewed))
            {
                links.Add(pair);
            }
        }

        var review = scored
            .Where(p => p.Probability >= _options.ReviewThreshold && p.Probability < _options.LinkThreshold && !reviewed.ContainsKey(Key(p))
                && !clusters.Same(byKey[p.RecordA].Index, byKey[p.RecordB].Index))
            .OrderByDescending(p => p.Probability)
            .ToList();
        progress?.Report($"{links.Count:N0} links, {review.Count:N0} pairs for review");
        return new LinkageResult
        {
            Clusters = clusters.All(),
            Links = links,
            ReviewQueue = review,
            Model = model,
            Terms = terms,
            CandidatePairs = candidates.Count,
        };
    }

    private static (string, string) Key(RecordPair pair) => ReviewDecision.PairOf(pair.RecordA, pair.RecordB);

    private byte[] Compare(PreparedRecord a, PreparedRecord b) => Compare(_comparisons, a, b);

    internal static byte[] Compare(IReadOnlyList<FieldComparison> comparisons, PreparedRecord a, PreparedRecord b)
    {
        var vector = new byte[comparisons.Count];
        for (var f = 0; f < vector.Length; f++)
        {
            vector[f] = comparisons[f].Compare(a, b);
        }

        return vector;
    }

    /// <summary>The pair's match weight, probability, method and evidence under <paramref name="model"/>: one scoring for a run and for one record linked alone.</summary>
    internal static RecordPair Score(PreparedRecord a, PreparedRecord b, byte[] vector, MatchModel model, TermFrequencies terms)
    {
        var comparisons = model.Comparisons;
        var evidence = new FieldEvidence[comparisons.Count];
        var weight = model.PriorWeight;
        for (var f = 0; f < comparisons.Count; f++)
        {
            var level = vector[f];
            var fieldWeight = model.Weight(f, level);
            if (level == 0)
            {
                fieldWeight += terms.Adjustment(f, a, model.U[f][0]);
            }

            weight += fieldWeight;
            evidence[f] = new FieldEvidence(comparisons[f].Field, level == FieldComparison.Missing ? "missing" : comparisons[f].Levels[level], Math.Round(fieldWeight, 2));
        }

        var method = vector[0] == 0 ? LinkMethod.NhsNumber : vector[1] == 0 ? LinkMethod.Upn : LinkMethod.Probabilistic;
        var probability = method == LinkMethod.Probabilistic ? MatchModel.Probability(weight) : 1.0;
        var (first, second) = string.CompareOrdinal(a.Record.Key, b.Record.Key) <= 0 ? (a, b) : (b, a);
        return new RecordPair(first.Record.Key, second.Record.Key, method, Math.Round(weight, 2), probability, evidence);
    }

    private static List<(int A, int B)> CandidatePairs(PreparedRecord[] records)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            foreach (var key in BlockingKeys.Of(record))
            {
                if (!blocks.TryGetValue(key, out var members))
                {
                    blocks[key] = members = [];
                }

                members.Add(record.Index);
            }
        }

        var seen = new HashSet<long>();
        var pairs = new List<(int, int)>();
        foreach (var members in blocks.Values)
        {
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var (a, b) = (Math.Min(members[i], members[j]), Math.Max(members[i], members[j]));
                    if (records[a].Record.Source != records[b].Record.Source && seen.Add(((long)a << 32) | (uint)b))
                    {
                        pairs.Add((a, b));
                    }
                }
            }
        }

        return pairs;
    }

    private IEnumerable<byte[]> RandomVectors(PreparedRecord[] records)
    {
        if (records.Length < 2)
        {
            yield break;
        }

        var random = new Random(_options.Seed);
        var drawn = 0;
        var attempts = 0;
        while (drawn < _options.RandomPairs && attempts++ < _options.RandomPairs * 10)
        {
            var a = records[random.Next(records.Length)];
            var b = records[random.Next(records.Length)];
            if (a.Record.Source != b.Record.Source)
            {
                drawn++;
                yield return Compare(a, b);
            }
        }
    }
}
