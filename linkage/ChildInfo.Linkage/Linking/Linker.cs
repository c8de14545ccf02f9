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
        var prepared = new PreparedRecord[records.Count];
        var byKey = new Dictionary<string, PreparedRecord>(records.Count, StringComparer.Ordinal);
        for (var i = 0; i < prepared.Length; i++)
        {
            prepared[i] = new PreparedRecord(records[i], i);
            if (!byKey.TryAdd(prepared[i].Key, prepared[i]))
            {
                throw new ArgumentException($"The record {prepared[i].Key} is given more than once.", nameof(records));
            }
        }

        var candidates = CandidatePairs.Find(prepared, _options.MaxBlockSize);
        progress?.Report($"{prepared.Length:N0} records, {candidates.Count:N0} candidate pairs after blocking");
        foreach (var rule in candidates.Rules)
        {
            var skipped = rule.SkippedBlocks == 0 ? "" : $"; {rule.SkippedBlocks:N0} blocks of more than {_options.MaxBlockSize:N0} records left out ({rule.SkippedRecords:N0} records)";
            progress?.Report($"  blocking on {rule.Description}: {rule.Pairs:N0} pairs, largest block {rule.LargestBlock:N0}{skipped}");
        }

        // One array per distinct comparison pattern (there are hundreds, against millions of pairs).
        var vectors = new byte[candidates.Count][];
        var patterns = new Dictionary<ulong, byte[]>();
        Span<byte> vector = stackalloc byte[_comparisons.Count];
        for (var i = 0; i < vectors.Length; i++)
        {
            var (a, b) = candidates[i];
            Compare(_comparisons, prepared[a], prepared[b], vector);
            var packed = Pack(vector);
            if (!patterns.TryGetValue(packed, out var shared))
            {
                patterns[packed] = shared = vector.ToArray();
            }

            vectors[i] = shared;
        }

        // Pairs that share an NHS number or a UPN are one child: they say how often each other field agrees for one child.
        var labelled = vectors.Where(v => v[0] == 0 || v[1] == 0).ToList();
        var perSource = prepared.GroupBy(p => p.Record.Source, StringComparer.Ordinal).Select(g => (double)g.Count()).ToList();
        var allPairs = (Math.Pow(perSource.Sum(), 2) - perSource.Sum(n => n * n)) / 2;
        var model = MatchModel.Estimate(_comparisons, RandomVectors(prepared), vectors, labelled, new HashSet<int> { 0, 1 }).WithPrior(candidates.Count, allPairs);
        progress?.Report($"model estimated in {model.Iterations} iterations (λ = {model.Lambda:0.####})");

        // Every pair is weighed; only the pairs that link or go to review are given their evidence (a record each).
        var terms = new TermFrequencies(_comparisons, prepared);
        var reviewed = (decisions ?? []).GroupBy(d => d.Pair).ToDictionary(g => g.Key, g => g.Last());
        var weights = new double[candidates.Count];
        var linkable = new List<Candidate>();
        for (var i = 0; i < weights.Length; i++)
        {
            var (a, b) = candidates[i];
            weights[i] = Weigh(prepared[a], prepared[b], vectors[i], model, terms);
            var review = reviewed.Count == 0 ? null : reviewed.GetValueOrDefault(ReviewDecision.PairOf(prepared[a].Key, prepared[b].Key));
            if (review?.Accepted ?? ProbabilityOf(vectors[i], weights[i]) >= _options.LinkThreshold)
            {
                linkable.Add(new Candidate(a, b, vectors[i], weights[i], review));
            }
        }

        // Accepted reviews that blocking did not pair still link (a reviewer may join what no key brings together).
        foreach (var decision in reviewed.Values.Where(d => d.Accepted))
        {
            if (byKey.TryGetValue(decision.RecordA, out var a) && byKey.TryGetValue(decision.RecordB, out var b)
                && !candidates.Contains(Math.Min(a.Index, b.Index), Math.Max(a.Index, b.Index)))
            {
                var pairVector = Compare(a, b);
                linkable.Add(new Candidate(a.Index, b.Index, pairVector, Weigh(a, b, pairVector, model, terms), decision));
            }
        }

        // Reviewed pairs first, then identifiers, then the heaviest; ties in pair order, so a run is repeatable.
        linkable.Sort(static (x, y) =>
        {
            var order = (y.Review is not null).CompareTo(x.Review is not null);
            order = order != 0 ? order : IsIdentifierLink(y.Vector).CompareTo(IsIdentifierLink(x.Vector));
            order = order != 0 ? order : y.Weight.CompareTo(x.Weight);
            order = order != 0 ? order : x.A.CompareTo(y.A);
            return order != 0 ? order : x.B.CompareTo(y.B);
        });
        var clusters = new Clusters(prepared);
        var links = new List<RecordPair>();
        foreach (var candidate in linkable)
        {
            if (clusters.TryJoin(candidate.A, candidate.B, reviewed))
            {
                var pair = Score(prepared[candidate.A], prepared[candidate.B], candidate.Vector, model, terms);
                links.Add(candidate.Review is not null ? pair with { Method = LinkMethod.Reviewed } : pair);
            }
        }

        var queue = new List<RecordPair>();
        for (var i = 0; i < weights.Length; i++)
        {
            var (a, b) = candidates[i];
            var probability = ProbabilityOf(vectors[i], weights[i]);
            if (probability >= _options.ReviewThreshold && probability < _options.LinkThreshold && !clusters.Same(a, b)
                && !reviewed.ContainsKey(ReviewDecision.PairOf(prepared[a].Key, prepared[b].Key)))
            {
                queue.Add(Score(prepared[a], prepared[b], vectors[i], model, terms));
            }
        }

        var forReview = queue.OrderByDescending(p => p.Probability).ToList();
        progress?.Report($"{links.Count:N0} links, {forReview.Count:N0} pairs for review");
        return new LinkageResult
        {
            Clusters = clusters.All(),
            Links = links,
            ReviewQueue = forReview,
            Model = model,
            Terms = terms,
            CandidatePairs = candidates.Count,
            Blocking = candidates.Rules,
        };
    }

    /// <summary>A pair that may link: a reviewer accepted it, or it is at least as likely as the link threshold.</summary>
    private sealed record Candidate(int A, int B, byte[] Vector, double Weight, ReviewDecision? Review);

    private static bool IsIdentifierLink(byte[] vector) => vector[0] == 0 || vector[1] == 0;

    private static double ProbabilityOf(byte[] vector, double weight) => IsIdentifierLink(vector) ? 1.0 : MatchModel.Probability(weight);

    private static ulong Pack(ReadOnlySpan<byte> vector)
    {
        var packed = 0UL;
        foreach (var level in vector)
        {
            packed = (packed << 8) | level;
        }

        return packed;
    }

    private byte[] Compare(PreparedRecord a, PreparedRecord b) => Compare(_comparisons, a, b);

    internal static byte[] Compare(IReadOnlyList<FieldComparison> comparisons, PreparedRecord a, PreparedRecord b)
    {
        var vector = new byte[comparisons.Count];
        Compare(comparisons, a, b, vector);
        return vector;
    }

    private static void Compare(IReadOnlyList<FieldComparison> comparisons, PreparedRecord a, PreparedRecord b, Span<byte> vector)
    {
        for (var f = 0; f < vector.Length; f++)
        {
            vector[f] = comparisons[f].Compare(a, b);
        }
    }

    /// <summary>The pair's match weight under <paramref name="model"/>, as <see cref="Score"/> gives it, without the evidence.</summary>
    private static double Weigh(PreparedRecord a, PreparedRecord b, byte[] vector, MatchModel model, TermFrequencies terms)
    {
        var weight = model.PriorWeight;
        for (var f = 0; f < vector.Length; f++)
        {
            weight += FieldWeight(f, a, vector[f], model, terms);
        }

        return weight;
    }

    private static double FieldWeight(int field, PreparedRecord a, byte level, MatchModel model, TermFrequencies terms) =>
        level == 0 ? model.Weight(field, level) + terms.Adjustment(field, a, model.U[field][0]) : model.Weight(field, level);

    /// <summary>The pair's match weight, probability, method and evidence under <paramref name="model"/>: one scoring for a run and for one record linked alone.</summary>
    internal static RecordPair Score(PreparedRecord a, PreparedRecord b, byte[] vector, MatchModel model, TermFrequencies terms)
    {
        var comparisons = model.Comparisons;
        var evidence = new FieldEvidence[comparisons.Count];
        var weight = model.PriorWeight;
        for (var f = 0; f < comparisons.Count; f++)
        {
            var level = vector[f];
            var fieldWeight = FieldWeight(f, a, level, model, terms);
            weight += fieldWeight;
            evidence[f] = new FieldEvidence(comparisons[f].Field, level == FieldComparison.Missing ? "missing" : comparisons[f].Levels[level], Math.Round(fieldWeight, 2));
        }

        var method = vector[0] == 0 ? LinkMethod.NhsNumber : vector[1] == 0 ? LinkMethod.Upn : LinkMethod.Probabilistic;
        var probability = method == LinkMethod.Probabilistic ? MatchModel.Probability(weight) : 1.0;
        var (first, second) = string.CompareOrdinal(a.Key, b.Key) <= 0 ? (a, b) : (b, a);
        return new RecordPair(first.Key, second.Key, method, Math.Round(weight, 2), probability, evidence);
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
