using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Validation;

namespace ChildInfo.Gateway.Analytics;

/// <summary>
/// Turns the GraphQL input of a question (<c>CohortQuestionInput</c>, already typed by GraphQL: dates are dates) into a
/// <see cref="CohortQuestion"/>. What the GraphQL types cannot say is checked here and every problem is collected: a
/// condition with none or several of all / any / not / fact, a grouping that is both or neither an index dimension
/// and an agency fact, a window with an as-at date beside a period. The walk stops below the deepest nesting a
/// question may have, so a hostile document cannot make it recurse further.
/// </summary>
public static class QuestionReader
{
    public static CohortQuestion Read(IDictionary<string, object?> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<CohortProblem>();
        var question = new CohortQuestion
        {
            AsAt = input.TryGetValue("asAt", out var asAt) && asAt is DateOnly date ? date : default,
            Condition = input.TryGetValue("condition", out var condition) && condition is IDictionary<string, object?> node ? Condition(node, "condition", 0, problems) : null,
            Dimensions = input.TryGetValue("groupBy", out var groupBy) && groupBy is IEnumerable<object?> list
                ? [.. list.Select((d, i) => Dimension(d as IDictionary<string, object?>, $"dimensions[{i}]", problems))]
                : [],
            Measure = input.TryGetValue("measure", out var measure) && measure is IDictionary<string, object?> m ? Measure(m, problems) : CohortMeasure.Children,
        };
        return problems.Count > 0 ? throw new CohortQuestionException(problems) : question;
    }

    private static CohortCondition Condition(IDictionary<string, object?> node, string where, int depth, List<CohortProblem> problems)
    {
        var given = node.Where(p => p.Value is not null).Select(p => p.Key).ToList();
        if (given.Count != 1)
        {
            problems.Add(new(CohortErrorCodes.Malformed, where, "A condition must have exactly one of all, any, not and fact."));
            return CohortCondition.All();
        }

        if (depth > CohortLimits.MaxDepth)
        {
            problems.Add(new(CohortErrorCodes.TooDeep, where, $"Conditions may be nested at most {CohortLimits.MaxDepth} deep."));
            return CohortCondition.All();
        }

        var value = node[given[0]];
        return given[0] switch
        {
            "all" => CohortCondition.All([.. Children(value, $"{where}.all", depth, problems)]),
            "any" => CohortCondition.Any([.. Children(value, $"{where}.any", depth, problems)]),
            "not" => CohortCondition.Not(Condition((IDictionary<string, object?>)value!, $"{where}.not", depth + 1, problems)),
            _ => Fact((IDictionary<string, object?>)value!, $"{where}.fact", problems),
        };
    }

    private static IEnumerable<CohortCondition> Children(object? value, string where, int depth, List<CohortProblem> problems) =>
        ((IEnumerable<object?>)value!).Select((child, i) => Condition((IDictionary<string, object?>)child!, $"{where}[{i}]", depth + 1, problems));

    private static FactCondition Fact(IDictionary<string, object?> node, string where, List<CohortProblem> problems) =>
        CohortCondition.Has(Text(node, "agency") ?? "", Text(node, "fact") ?? "", Window(node, where, problems), Text(node, "value"));

    private static CohortDimension Dimension(IDictionary<string, object?>? node, string where, List<CohortProblem> problems)
    {
        var index = node is null ? null : Text(node, "index");
        var agency = node is null ? null : Text(node, "agency");
        var fact = node is null ? null : Text(node, "fact");
        if (index is not null && agency is null && fact is null && !HasWindow(node!))
        {
            return CohortDimension.Index(index);
        }

        if (index is null && agency is not null && fact is not null)
        {
            return CohortDimension.AgencyFact(agency, fact, Window(node!, where, problems));
        }

        problems.Add(new(CohortErrorCodes.Malformed, where, "A grouping is either index (a child index dimension) or agency and fact (an agency's dimension fact with its window)."));
        return CohortDimension.Index("");
    }

    private static CohortMeasure Measure(IDictionary<string, object?> node, List<CohortProblem> problems)
    {
        var kind = node.TryGetValue("kind", out var k) && k is CohortMeasureKind given ? given : CohortMeasureKind.Children;
        var agency = Text(node, "agency");
        var fact = Text(node, "fact");
        if (kind == CohortMeasureKind.Children)
        {
            if (agency is not null || fact is not null || HasWindow(node))
            {
                problems.Add(new(CohortErrorCodes.Malformed, "measure", "The CHILDREN measure takes no agency, fact or dates."));
            }

            return CohortMeasure.Children;
        }

        if (agency is null || fact is null)
        {
            problems.Add(new(CohortErrorCodes.Malformed, "measure", $"The {kind.ToString().ToUpperInvariant()} measure needs an agency and a fact."));
            return CohortMeasure.Children;
        }

        return new CohortMeasure(kind, agency, fact, Window(node, "measure", problems));
    }

    /// <summary>asAt alone, from and to, or nothing; the validator checks the dates against the fact's window kind.</summary>
    private static CohortWindow Window(IDictionary<string, object?> node, string where, List<CohortProblem> problems)
    {
        var asAt = Date(node, "asAt");
        var from = Date(node, "from");
        var to = Date(node, "to");
        if (asAt is not null && (from is not null || to is not null))
        {
            problems.Add(new(CohortErrorCodes.ExtraWindow, where, "Give asAt, or from and to, not both."));
        }

        if (asAt is null && to is not null && from is null)
        {
            problems.Add(new(CohortErrorCodes.MissingWindow, where, "A period needs from as well as to (for a date, give asAt)."));
        }

        return asAt is { } date ? CohortWindow.AsAt(date) : new CohortWindow(from, to);
    }

    private static bool HasWindow(IDictionary<string, object?> node) => Date(node, "asAt") is not null || Date(node, "from") is not null || Date(node, "to") is not null;

    private static DateOnly? Date(IDictionary<string, object?> node, string name) => node.TryGetValue(name, out var value) && value is DateOnly date ? date : null;

    private static string? Text(IDictionary<string, object?> node, string name) => node.TryGetValue(name, out var value) ? value as string : null;
}
