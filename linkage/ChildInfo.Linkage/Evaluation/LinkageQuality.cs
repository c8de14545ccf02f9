using ChildInfo.Linkage.Linking;

namespace ChildInfo.Linkage.Evaluation;

/// <summary>The link rate of one group of children (an ethnicity group, a sex, a deprivation band).</summary>
/// <param name="Group">The group's name.</param>
/// <param name="TruePairs">Pairs of records that are the same child in this group.</param>
/// <param name="Found">Of those, how many the run put in one child.</param>
public sealed record GroupLinkRate(string Group, long TruePairs, long Found)
{
    public double Rate => TruePairs == 0 ? 1 : (double)Found / TruePairs;
}

/// <summary>
/// How good a run was, measured against the truth (only synthetic data has it): pairwise precision (of the pairs of
/// records put in one child, the share that are) and recall (of the pairs that are one child, the share put in one),
/// the share of records waiting in review, and the link rate per group, whose gaps show who links less often.
/// </summary>
public sealed record LinkageQuality(double Precision, double Recall, long TruePairs, long PredictedPairs, long CorrectPairs, double ReviewShare, IReadOnlyList<GroupLinkRate> Groups)
{
    /// <summary>The largest difference in link rate between two groups of <paramref name="groups"/>, in percentage points.</summary>
    public static double GapPoints(IEnumerable<GroupLinkRate> groups)
    {
        var rates = groups.Where(g => g.TruePairs > 0).Select(g => g.Rate).ToList();
        return rates.Count < 2 ? 0 : (rates.Max() - rates.Min()) * 100;
    }

    /// <param name="result">The run.</param>
    /// <param name="childOf">Each record key's true child.</param>
    /// <param name="groupsOf">Each record key's groups (for example <c>ethnicity:W</c>, <c>sex:F</c>); none if null.</param>
    public static LinkageQuality Measure(LinkageResult result, IReadOnlyDictionary<string, string> childOf, Func<string, IEnumerable<string>>? groupsOf = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(childOf);
        long predicted = 0, correct = 0;
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var cluster in result.Clusters)
        {
            for (var i = 0; i < cluster.Count; i++)
            {
                for (var j = i + 1; j < cluster.Count; j++)
                {
                    predicted++;
                    if (childOf[cluster[i]] == childOf[cluster[j]])
                    {
                        correct++;
                        foreach (var group in groupsOf?.Invoke(cluster[i]) ?? [])
                        {
                            found[group] = found.GetValueOrDefault(group) + 1;
                        }
                    }
                }
            }
        }

        long truePairs = 0;
        var trueByGroup = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var child in childOf.GroupBy(p => p.Value, StringComparer.Ordinal))
        {
            var n = (long)child.Count();
            var pairs = n * (n - 1) / 2;
            truePairs += pairs;
            foreach (var group in pairs == 0 ? [] : groupsOf?.Invoke(child.First().Key) ?? [])
            {
                trueByGroup[group] = trueByGroup.GetValueOrDefault(group) + pairs;
            }
        }

        var inReview = result.ReviewQueue.SelectMany(p => new[] { p.RecordA, p.RecordB }).Distinct(StringComparer.Ordinal).Count();
        return new LinkageQuality(
            predicted == 0 ? 1 : (double)correct / predicted,
            truePairs == 0 ? 1 : (double)correct / truePairs,
            truePairs,
            predicted,
            correct,
            childOf.Count == 0 ? 0 : (double)inReview / childOf.Count,
            [.. trueByGroup.OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new GroupLinkRate(g.Key, g.Value, found.GetValueOrDefault(g.Key)))]);
    }
}
