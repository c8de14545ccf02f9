using ChildInfo.Linkage.Comparison;

namespace ChildInfo.Linkage.Model;

/// <summary>
/// A Fellegi–Sunter model: for each field comparison and level, the probability of that level among pairs that are the
/// same child (m) and among pairs that are not (u), and the share of candidate pairs that are the same child (λ). A
/// pair's match weight is log2 of its Bayes factor, Σ log2(m/u) over its fields' levels, plus the prior log2(λ/(1−λ)).
/// </summary>
public sealed class MatchModel
{
    /// <summary>No probability is let reach 0 or 1, so that no single field's level decides a pair alone.</summary>
    private const double Floor = 1e-6;

    internal MatchModel(IReadOnlyList<FieldComparison> comparisons, double[][] m, double[][] u, double lambda, int iterations, bool converged)
    {
        Comparisons = comparisons;
        M = m;
        U = u;
        Lambda = lambda;
        Iterations = iterations;
        Converged = converged;
    }

    public IReadOnlyList<FieldComparison> Comparisons { get; }

    /// <summary>m[field][level]: the probability of the level among matching pairs.</summary>
    public double[][] M { get; }

    /// <summary>u[field][level]: the probability of the level among non-matching pairs.</summary>
    public double[][] U { get; }

    /// <summary>The share of candidate pairs that are the same child.</summary>
    public double Lambda { get; }

    /// <summary>How many EM iterations ran.</summary>
    public int Iterations { get; }

    /// <summary>True when the parameters stopped moving before the iteration limit.</summary>
    public bool Converged { get; }

    /// <summary>log2(m/u) of <paramref name="level"/> of field <paramref name="field"/>; 0 for a missing value.</summary>
    public double Weight(int field, byte level) =>
        level == FieldComparison.Missing ? 0 : Math.Log2(Math.Max(M[field][level], Floor) / Math.Max(U[field][level], Floor));

    /// <summary>
    /// The prior odds, as a weight, that two records of different sources are one child before any field is compared:
    /// over all such pairs, not only the blocked ones (the blocking keys already chose pairs whose fields agree, so
    /// a prior taken over blocked pairs would count that agreement twice).
    /// </summary>
    public double PriorWeight { get; private set; }

    /// <summary>Sets the prior from the expected matches among <paramref name="candidatePairs"/> blocked pairs, out of <paramref name="allPairs"/>.</summary>
    internal MatchModel WithPrior(long candidatePairs, double allPairs)
    {
        var global = Math.Clamp(Lambda * candidatePairs / Math.Max(allPairs, 1), Floor * Floor, 1 - Floor);
        PriorWeight = Math.Log2(global / (1 - global));
        return this;
    }

    /// <summary>
    /// A model saved by a full run, read back for linking one record between runs: the same m, u, λ and prior, so a
    /// record linked alone weighs its evidence exactly as the run did.
    /// </summary>
    /// <exception cref="ArgumentException">The saved figures do not fit <paramref name="comparisons"/>.</exception>
    public static MatchModel Restore(IReadOnlyList<FieldComparison> comparisons, double[][] m, double[][] u, double lambda, double priorWeight)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(m);
        ArgumentNullException.ThrowIfNull(u);
        if (m.Length != comparisons.Count || u.Length != comparisons.Count
            || Enumerable.Range(0, comparisons.Count).Any(f => m[f]?.Length != comparisons[f].Levels.Count || u[f]?.Length != comparisons[f].Levels.Count))
        {
            throw new ArgumentException("The saved model's fields and levels are not those of the comparisons.", nameof(m));
        }

        return new MatchModel(comparisons, m, u, lambda, 0, true) { PriorWeight = priorWeight };
    }

    /// <summary>The probability that a pair with total match weight <paramref name="weight"/> is the same child.</summary>
    public static double Probability(double weight) => 1 / (1 + Math.Pow(2, -weight));

    /// <summary>How often one child's two records hold different values of an identifier both hold.</summary>
    public const double IdentifierDisagreement = 0.001;

    /// <summary>Labelled pairs needed before m is taken from them rather than left to EM.</summary>
    public const int MinimumLabelledPairs = 50;

    /// <summary>
    /// Estimates u from <paramref name="randomPairs"/> (pairs drawn at random, nearly all different children); m from
    /// <paramref name="labelled"/> (pairs known to be one child because they share an identifier) for every field but
    /// <paramref name="labellingFields"/>, when there are at least <see cref="MinimumLabelledPairs"/> of them; then the
    /// remaining m and λ by expectation–maximisation over <paramref name="candidates"/> (the blocked pairs) with the
    /// rest held fixed, as Splink does. Left to EM alone, brothers and sisters (same surname and address) pull the
    /// "match" class towards households. Identical comparison vectors are counted once, so each iteration costs the
    /// number of distinct patterns, not pairs.
    /// </summary>
    public static MatchModel Estimate(
        IReadOnlyList<FieldComparison> comparisons,
        IEnumerable<byte[]> randomPairs,
        IEnumerable<byte[]> candidates,
        IReadOnlyCollection<byte[]>? labelled = null,
        IReadOnlySet<int>? labellingFields = null,
        int maxIterations = 100,
        double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var fields = comparisons.Count;
        var u = Frequencies(comparisons, Patterns(randomPairs));
        var patterns = Patterns(candidates);
        var m = new double[fields][];
        var fixedM = new bool[fields];
        var fromLabels = labelled is { Count: >= MinimumLabelledPairs } ? Frequencies(comparisons, Patterns(labelled)) : null;
        for (var f = 0; f < fields; f++)
        {
            var levels = comparisons[f].Levels.Count;
            if (labellingFields?.Contains(f) ?? false)
            {
                // An identifier both records hold is almost never different for one child: NHS numbers carry a check
                // digit and UPNs one letter, so most keying errors are refused where they are typed. Fixed, not
                // estimated: EM would learn it from the very pairs it is meant to separate.
                m[f] = [.. Enumerable.Range(0, levels).Select(l => l == 0 ? 1 - IdentifierDisagreement : IdentifierDisagreement / (levels - 1))];
                fixedM[f] = true;
            }
            else if (fromLabels is not null)
            {
                m[f] = fromLabels[f];
                fixedM[f] = true;
            }
            else
            {
                // Start from "matching pairs mostly agree": 0.9 on full agreement, the rest spread over the other levels.
                m[f] = [.. Enumerable.Range(0, levels).Select(l => l == 0 ? 0.9 : 0.1 / (levels - 1))];
            }
        }

        var lambda = 0.1;
        var iterations = 0;
        var converged = false;
        while (iterations < maxIterations && !converged)
        {
            iterations++;
            var sums = comparisons.Select(c => new double[c.Levels.Count]).ToArray();
            var totals = new double[fields];
            double matched = 0, all = 0;
            foreach (var (pattern, count) in patterns)
            {
                var vector = pattern.Vector;
                double logMatch = Math.Log(lambda), logOther = Math.Log(1 - lambda);
                for (var f = 0; f < fields; f++)
                {
                    if (vector[f] != FieldComparison.Missing)
                    {
                        logMatch += Math.Log(Math.Max(m[f][vector[f]], Floor));
                        logOther += Math.Log(Math.Max(u[f][vector[f]], Floor));
                    }
                }

                var p = 1 / (1 + Math.Exp(logOther - logMatch));
                matched += p * count;
                all += count;
                for (var f = 0; f < fields; f++)
                {
                    if (vector[f] != FieldComparison.Missing)
                    {
                        sums[f][vector[f]] += p * count;
                        totals[f] += p * count;
                    }
                }
            }

            var change = 0.0;
            for (var f = 0; f < fields; f++)
            {
                if (totals[f] <= 0 || fixedM[f])
                {
                    continue;
                }

                for (var l = 0; l < m[f].Length; l++)
                {
                    var next = sums[f][l] / totals[f];
                    change = Math.Max(change, Math.Abs(next - m[f][l]));
                    m[f][l] = next;
                }
            }

            var nextLambda = all > 0 ? Math.Clamp(matched / all, Floor, 1 - Floor) : lambda;
            change = Math.Max(change, Math.Abs(nextLambda - lambda));
            lambda = nextLambda;
            converged = change < tolerance;
        }

        return new MatchModel(comparisons, m, u, lambda, iterations, converged);
    }

    private static Dictionary<Pattern, long> Patterns(IEnumerable<byte[]> vectors)
    {
        var patterns = new Dictionary<Pattern, long>();
        foreach (var vector in vectors)
        {
            var key = new Pattern(vector);
            patterns[key] = patterns.GetValueOrDefault(key) + 1;
        }

        return patterns;
    }

    private static double[][] Frequencies(IReadOnlyList<FieldComparison> comparisons, Dictionary<Pattern, long> patterns)
    {
        var result = comparisons.Select(c => new double[c.Levels.Count]).ToArray();
        for (var f = 0; f < comparisons.Count; f++)
        {
            double total = 0;
            foreach (var (pattern, count) in patterns)
            {
                if (pattern.Vector[f] != FieldComparison.Missing)
                {
                    result[f][pattern.Vector[f]] += count;
                    total += count;
                }
            }

            for (var l = 0; l < result[f].Length; l++)
            {
                // A level never seen among random pairs is given half a pair, so that it is rare, not impossible.
                result[f][l] = total > 0 ? Math.Max(result[f][l], 0.5) / total : 1.0 / result[f].Length;
            }
        }

        return result;
    }

    /// <summary>A comparison vector compared by value.</summary>
    private readonly struct Pattern(byte[] vector) : IEquatable<Pattern>
    {
        public byte[] Vector { get; } = vector;

        public bool Equals(Pattern other) => Vector.AsSpan().SequenceEqual(other.Vector);

        public override bool Equals(object? obj) => obj is Pattern other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.AddBytes(Vector);
            return hash.ToHashCode();
        }
    }
}
