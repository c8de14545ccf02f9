using ChildInfo.Analytics.Evaluation;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;
using ChildInfo.Disclosure.Rules;

namespace ChildInfo.Analytics.Tests.Kit;

/// <summary>The evaluator as a host would build it, with a purpose that publishes exact counts for comparison.</summary>
internal static class Analysts
{
    public const string ServicePlanning = "service_planning";

    /// <summary>A purpose configured with every control off: what a gateway without disclosure control would answer. Tests only.</summary>
    public const string Exact = "exact_for_tests";

    /// <summary>A purpose with cell-key rounding but no suppression: what perturbation alone protects. Tests only.</summary>
    public const string RoundingOnly = "rounding_only_for_tests";

    public static readonly DateOnly AsAt = new(2025, 4, 1);

    public static readonly CohortWindow LastYear = CohortWindow.During(new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31));

    public static readonly CohortWindow Now = CohortWindow.AsAt(AsAt);

    public static readonly DisclosureRules NoControl = new() { SuppressUpTo = 0, LinkedSuppressUpTo = 0, CellRoundingBase = 1, TotalRoundingBase = 1, MinimumStatisticBase = 1 };

    public static readonly DisclosureOptions Disclosure = new()
    {
        RecordKeySecret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)],
        Purposes = new(StringComparer.Ordinal) { [Exact] = NoControl, [RoundingOnly] = new DisclosureRules { SuppressUpTo = 0, LinkedSuppressUpTo = 0 } },
    };

    public static CohortEvaluator Evaluator(ICohortSource source, CohortOptions? options = null) => new(source, Disclosure, options);
}
