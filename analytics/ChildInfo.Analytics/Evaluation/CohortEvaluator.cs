using ChildInfo.Analytics.Answers;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Validation;
using ChildInfo.Disclosure;
using ChildInfo.Disclosure.Keys;
using ChildInfo.Disclosure.Publishing;
using ChildInfo.Disclosure.Rules;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Analytics.Evaluation;

/// <summary>
/// Answers analysts' aggregate questions: validates a question against the catalogue, fetches each fact's members
/// (in parallel, bounded), maps them to child ids with one link call per agency, combines the sets within the
/// population as at the question's date, groups and measures each child once, and publishes the table through
/// disclosure control with the purpose's rules. One instance per host, shared by every question.
/// </summary>
public sealed class CohortEvaluator
{
    private readonly ICohortSource _source;
    private readonly DisclosureOptions _disclosure;
    private readonly RecordKeys _keys;
    private readonly CohortFetcher _fetcher;

    public CohortEvaluator(ICohortSource source, DisclosureOptions disclosure, CohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(disclosure);
        options ??= new CohortOptions();
        if (options.Validate() is { Count: > 0 } errors)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _source = source;
        _disclosure = disclosure;
        _keys = new RecordKeys(disclosure.RecordKeySecret);
        _fetcher = new CohortFetcher(source, options);
    }

    /// <summary>
    /// Checks the question against the agencies' current catalogue: the plan says which agencies and labels it needs
    /// (for the policy decision and the signed context) before anything is fetched. Throws
    /// <see cref="CohortQuestionException"/> with every problem found.
    /// </summary>
    public async Task<CohortPlan> PlanAsync(CohortQuestion question, CancellationToken ct)
    {
        var catalogue = await _source.CatalogueAsync(ct).ConfigureAwait(false);
        return CohortQuestionValidator.Validate(question, catalogue);
    }

    /// <summary>Plans and answers a question under a purpose's disclosure rules.</summary>
    public async Task<CohortAnswer> AnswerAsync(CohortQuestion question, string purpose, CancellationToken ct)
    {
        var plan = await PlanAsync(question, ct).ConfigureAwait(false);
        return await AnswerAsync(plan, purpose, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Answers a planned question under a purpose's disclosure rules. Throws <see cref="CohortQuestionException"/>
    /// (<see cref="CohortErrorCodes.TooManyKeys"/>) when the member lists pass the bound; a failing source's
    /// exception passes through, and nothing is answered.
    /// </summary>
    public async Task<CohortAnswer> AnswerAsync(CohortPlan plan, string purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(purpose);
        var exact = await CountAsync(plan, ct).ConfigureAwait(false);
        var published = DisclosureControl.Apply(exact, _disclosure.RulesFor(purpose));
        return new CohortAnswer
        {
            Question = plan.CanonicalText,
            Purpose = purpose,
            Agencies = plan.Agencies,
            Labels = plan.Labels,
            LinkedAgencies = plan.LinkedAgencies,
            Measure = plan.Question.Measure.Kind,
            Table = OnlyTheStatisticAsked(published, plan.Question.Measure.Kind),
        };
    }

    /// <summary>The exact table before disclosure control: for tests that compare it with a count of their own, never for publishing.</summary>
    internal async Task<CountTable> CountAsync(CohortPlan plan, CancellationToken ct)
    {
        var data = await _fetcher.FetchAsync(plan, ct).ConfigureAwait(false);
        return CohortCounter.Count(plan, data, _keys);
    }

    /// <summary>
    /// Disclosure control publishes a mean and a median for any measure; a question asking for one gets only that one
    /// (the other is <c>x</c>), so nothing is released that was not asked for. Events keep both.
    /// </summary>
    private static PublishedTable OnlyTheStatisticAsked(PublishedTable table, CohortMeasureKind measure)
    {
        Func<PublishedCell, PublishedCell>? withhold = measure switch
        {
            CohortMeasureKind.Mean => c => c with { Median = PublishedValue.Withheld(GssSymbol.NotAvailable) },
            CohortMeasureKind.Median => c => c with { Mean = PublishedValue.Withheld(GssSymbol.NotAvailable) },
            _ => null,
        };
        return withhold is null ? table : table with
        {
            Cells = [.. table.Cells.Select(withhold)],
            RowTotals = [.. table.RowTotals.Select(withhold)],
            ColumnTotals = [.. table.ColumnTotals.Select(withhold)],
            GrandTotal = withhold(table.GrandTotal),
        };
    }
}
