using ChildInfo.Analytics.Evaluation;
using ChildInfo.Disclosure.Rules;
using ChildInfo.RateLimiting;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// Aggregate questions at <c>/analytics/graphql</c>: the disclosure control applied to every answer (its record-key
/// secret must stay the same across restarts and replicas, or the same cell would get different figures), the bounds
/// of one question, and how long the agencies may take over their part of it.
/// </summary>
public sealed record AnalyticsOptions
{
    public required DisclosureOptions Disclosure { get; init; }

    public CohortOptions Cohorts { get; init; } = new();

    /// <summary>How long one agency or the child index may take to answer its part of a question.</summary>
    public TimeSpan SubgraphTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// At most this many local ids go to the child index in one call: its request body is bounded (4 MB by default),
    /// and 150,000 ids of up to 20 characters take about 3.5 MB. Fewer calls matter: a call of more than a few thousand
    /// ids on SQLite reads the source's links whole.
    /// </summary>
    public int LinksPerCall { get; init; } = 150_000;

    /// <summary>The default <see cref="QuestionBudget"/>: questions one analyst may ask under one purpose per day.</summary>
    public const int DefaultQuestionsPerDay = 100;

    /// <summary>
    /// How many questions one analyst may have answered under one purpose in each window (a day by default), so that
    /// the repeated differencing that consistent perturbation cannot stop on its own needs many days of questions, in
    /// the audit, rather than one afternoon; null sets no budget.
    /// </summary>
    public RateLimitOptions? QuestionBudget { get; init; } = new(DefaultQuestionsPerDay, TimeSpan.FromDays(1));

    /// <summary>Problems with these settings, in plain words; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Disclosure.Validate());
        errors.AddRange(Cohorts.Validate());
        if (SubgraphTimeout <= TimeSpan.Zero)
        {
            errors.Add("Analytics:SubgraphTimeout must be longer than zero.");
        }

        if (LinksPerCall < 1)
        {
            errors.Add("Analytics:LinksPerCall must be at least 1.");
        }

        if (QuestionBudget is { PermitLimit: < 1 } or { Window.TotalSeconds: < 1 })
        {
            errors.Add("Analytics:QuestionBudget must allow at least one question in a window of at least a second.");
        }

        return errors;
    }
}
