using ChildInfo.Disclosure.Publishing;

namespace ChildInfo.Disclosure.Tests.Kit;

/// <summary>
/// The differencing attacker, reading published tables: given the figures of one category list (the target's column)
/// with the target in the cohort and without, it names the category that went up, and the published rates give the
/// baseline guess. One attacker for both suites: the disclosure tests hand it tables published straight from counts,
/// the analytics tests (which compile this file in too) tables answered to questions, so linking, windows and the
/// question rules are in play there.
/// </summary>
internal static class DifferencingAttacker
{
    /// <summary>A published count, or −1 for a withheld one (<c>c</c>, <c>k</c>).</summary>
    public static int Figure(PublishedCell cell) => cell.Count.Value is { } v ? (int)v : -1;

    /// <summary>
    /// The category whose count went up when the target was added, if exactly one did (both figures published).
    /// Failing that, for a pair, the suppression pattern: a category published with the target and <c>c</c> without
    /// may have dropped under the threshold, so the smallest such one is taken. Parts split further have small cells
    /// suppressed for reasons of their own, so they get no such reading. <paramref name="readSuppression"/> false
    /// leaves that reading out: under a high threshold it misleads more than it helps, and a careful attacker knows.
    /// </summary>
    public static int? Infer(bool readSuppression, int[] with, params int[][] withoutParts)
    {
        var increased = Enumerable.Range(0, with.Length)
            .Where(k => with[k] >= 0 && withoutParts.All(p => p[k] >= 0) && with[k] > withoutParts.Sum(p => p[k]))
            .ToList();
        if (increased.Count == 1)
        {
            return increased[0];
        }

        if (increased.Count > 1 || withoutParts.Length > 1 || !readSuppression)
        {
            return null;
        }

        var hidden = Enumerable.Range(0, with.Length).Where(k => with[k] >= 0 && withoutParts.Any(p => p[k] < 0)).ToList();
        return hidden.Count == 0 ? null : hidden.MinBy(k => with[k]);
    }

    /// <summary>
    /// The guess from the published rates: the commonest category in the published figures with the target, or, when
    /// they show no child at all (every figure withheld or zero), in the first of the wider published figures that do.
    /// </summary>
    public static int Baseline(int[] with, params int[][] wider)
    {
        var shown = wider.Prepend(with).FirstOrDefault(f => f.Max() > 0) ?? with;
        return Array.IndexOf(shown, shown.Max());
    }
}
