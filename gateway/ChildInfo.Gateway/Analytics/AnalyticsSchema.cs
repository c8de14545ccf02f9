using ChildInfo.Analytics.Evaluation;
using ChildInfo.Analytics.Sources;
using ChildInfo.Analytics.Validation;
using ChildInfo.Audit.Records;
using ChildInfo.Gateway.Analytics.Schema;
using GraphQL;
using GraphQL.Types;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// The analysts' API at <c>/analytics/graphql</c>: <c>cohortCatalogue</c> (what may be asked) and
/// <c>cohortTable(question:)</c> (the answer, after disclosure control). It has no field about one child, so nothing
/// row-level can be asked here; and the endpoint serves it only under aggregate-only purposes.
/// </summary>
public sealed class AnalyticsSchema : GraphQL.Types.Schema
{
    public AnalyticsSchema()
    {
        Description = "Aggregate questions about children across agencies, answered with statistical disclosure control.";
        Query = new AnalyticsQuery();
    }
}

/// <summary>The root fields; each takes the bound request from the user context.</summary>
public sealed class AnalyticsQuery : ObjectGraphType
{
    public AnalyticsQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<CohortCatalogueType>>("cohortCatalogue")
            .Description("The facts each agency can count by and the child index's dimensions, with whether your role and purpose may count by each.")
            .ResolveAsync(async context => await Guarded(() => CatalogueAsync(Request(context), context.CancellationToken)).ConfigureAwait(false));
        Field<NonNullGraphType<CohortTableType>>("cohortTable")
            .Description("Counts children meeting a condition, grouped by up to two dimensions, with disclosure control applied before anything is answered. One question per request.")
            .Argument<NonNullGraphType<CohortQuestionInputType>>("question")
            .ResolveAsync(async context => await Guarded(() => AnswerAsync(Request(context), context.GetArgument<Dictionary<string, object?>>("question"), context.CancellationToken)).ConfigureAwait(false));
    }

    private static AnalyticsRequest Request(IResolveFieldContext context) => (AnalyticsRequest)context.UserContext;

    private static async Task<CatalogueView> CatalogueAsync(AnalyticsRequest request, CancellationToken ct)
    {
        var source = request.CatalogueSource();
        var catalogue = await source.CatalogueAsync(ct).ConfigureAwait(false);
        FactView View(CohortFact fact) => new(fact, request.Scope.DecideCount(fact.Label).Allowed);
        return new CatalogueView(
            [.. catalogue.Agencies.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new AgencyView(a.Key, [.. a.Value.Select(View)]))],
            [.. catalogue.IndexDimensions.Select(View)],
            [.. source.Unavailable.Order(StringComparer.Ordinal)]);
    }

    private static async Task<object> AnswerAsync(AnalyticsRequest request, Dictionary<string, object?> input, CancellationToken ct)
    {
        if (!request.TryBeginQuestion())
        {
            throw Refusal("COHORT_ONE_QUESTION", "Ask one question per request.");
        }

        var options = request.Services.Options;
        var question = QuestionReader.Read(input);
        // Planned against the whole catalogue, then decided by the rule, then answered with only the labels it reads.
        var catalogueSource = request.CatalogueSource();
        CohortPlan plan;
        try
        {
            plan = await new CohortEvaluator(catalogueSource, options.Disclosure, options.Cohorts).PlanAsync(question, ct).ConfigureAwait(false);
        }
        catch (CohortQuestionException ex) when (catalogueSource.Unavailable.Count > 0 && ex.Problems.Any(p => p.Code == CohortErrorCodes.UnknownAgency))
        {
            throw Refusal(CohortSourceException.NotAnswering,
                $"Not every agency is answering just now ({string.Join(", ", catalogueSource.Unavailable)}), so this question cannot be answered; try again later.");
        }

        foreach (var label in plan.Labels)
        {
            if (request.Scope.DecideCount(label) is { Allowed: false } refused)
            {
                throw Refusal(refused.Code, refused.Reason);
            }
        }

        if (request.Scope.DecideCombination(plan.Agencies) is { Allowed: false } notLinked)
        {
            throw Refusal(notLinked.Code, notLinked.Reason);
        }

        await SpendBudgetAsync(request, ct).ConfigureAwait(false);
        var answer = await new CohortEvaluator(request.Source(plan.Labels), options.Disclosure, options.Cohorts)
            .AnswerAsync(plan, request.Scope.Purpose.Id, ct).ConfigureAwait(false);
        request.Released(new AggregateRelease(answer.Question, answer.Agencies, answer.ReleasedCount, answer.SuppressedCount));
        return answer;
    }

    /// <summary>The budget's stable codes: spent, or not countable just now (a budget that cannot be counted is not skipped).</summary>
    public const string BudgetSpentCode = "COHORT_BUDGET_SPENT";

    public const string BudgetUncheckedCode = "COHORT_BUDGET_UNCHECKED";

    /// <summary>
    /// Spends one question of the analyst's budget for this purpose, after the question was found valid and allowed
    /// (a refused question costs nothing) and before anything is fetched. Unlike the request rate limit, it does not
    /// fail open: a question whose budget cannot be counted is not answered.
    /// </summary>
    private static async Task SpendBudgetAsync(AnalyticsRequest request, CancellationToken ct)
    {
        if (request.Services.QuestionBudget is not { } budget || request.Services.Options.QuestionBudget is not { } limit)
        {
            return;
        }

        var purpose = request.Scope.Purpose.Id;
        var decision = await budget.TryAcquireAsync($"questions|{purpose}|{request.Context.Caller?.User}", ct).ConfigureAwait(false);
        if (decision.FailedOpen)
        {
            throw Refusal(BudgetUncheckedCode, "Your question budget could not be checked just now, so the question was not answered; try again shortly.");
        }

        if (!decision.Allowed)
        {
            var error = Refusal(BudgetSpentCode,
                $"You have asked the {limit.PermitLimit} questions one analyst may ask for {purpose} in {Describe(limit.Window)}; your budget renews in {Describe(decision.RetryAfter)}.");
            error.AddExtension("retryAfterSeconds", (long)Math.Ceiling(decision.RetryAfter.TotalSeconds));
            throw error;
        }
    }

    private static string Describe(TimeSpan span) => span switch
    {
        { TotalDays: >= 1 } when span.TotalDays == Math.Floor(span.TotalDays) => Count(span.TotalDays, "day"),
        { TotalHours: >= 1 } => Count(Math.Ceiling(span.TotalHours), "hour"),
        { TotalMinutes: >= 1 } => Count(Math.Ceiling(span.TotalMinutes), "minute"),
        _ => Count(Math.Max(1, Math.Ceiling(span.TotalSeconds)), "second"),
    };

    private static string Count(double n, string unit) => n == 1 ? $"one {unit}" : $"{n:0} {unit}s";

    private static ExecutionError Refusal(string code, string message) => new(message) { Code = code };

    /// <summary>
    /// A question the library refuses, or an agency that cannot give its part, becomes a GraphQL error with a stable
    /// code (and, for a question, every problem with where it is); the messages carry no count and no id.
    /// </summary>
    private static async Task<T> Guarded<T>(Func<Task<T>> resolve)
    {
        try
        {
            return await resolve().ConfigureAwait(false);
        }
        catch (CohortQuestionException ex)
        {
            var error = Refusal(ex.Code, ex.Message);
            error.AddExtension("problems", ex.Problems.Select(p => new Dictionary<string, object?> { ["code"] = p.Code, ["where"] = p.Where, ["message"] = p.Message }).ToList());
            throw error;
        }
        catch (CohortSourceException ex)
        {
            throw Refusal(ex.Code, ex.Message);
        }
    }
}
