using ChildInfo.Analytics.Questions;

namespace ChildInfo.Analytics.Tests.Kit;

/// <summary>
/// The answer to a question worked out the slow, obvious way: child by child through the population, reading each
/// child's own records. The library's answer (sets of ids, links, bit sets) must agree with it exactly.
/// </summary>
internal static class BruteForce
{
    /// <summary>
    /// Per group (row, column or null): the children and each one's measure value (null without one); children in
    /// <paramref name="leftOut"/> are not counted at all.
    /// </summary>
    public static Dictionary<(string Row, string? Column), List<double?>> Count(SyntheticAuthority authority, CohortQuestion question, IReadOnlySet<string>? leftOut = null)
    {
        var cells = new Dictionary<(string, string?), List<double?>>();
        foreach (var child in authority.InPopulation(question.AsAt))
        {
            if (leftOut?.Contains(child.Id) == true)
            {
                continue;
            }

            if (question.Condition is not null && !Holds(authority, question.Condition, child))
            {
                continue;
            }

            var row = question.Dimensions.Count > 0 ? Group(authority, question.Dimensions[0], child, question.AsAt) : "All";
            var column = question.Dimensions.Count > 1 ? Group(authority, question.Dimensions[1], child, question.AsAt) : null;
            if (!cells.TryGetValue((row, column), out var values))
            {
                cells[(row, column)] = values = [];
            }
            values.Add(Measure(authority, question.Measure, child));
        }
        return cells;
    }

    public static bool Holds(SyntheticAuthority authority, CohortCondition condition, SyntheticChild child) => condition switch
    {
        FactCondition fact => authority.RecordsOf(child, fact.Agency).Any(r => authority.FactOf(fact.Agency, fact.Fact)!.Evaluate(r, fact.Window, fact.Value) is not null),
        AllCondition all => all.Conditions.All(c => Holds(authority, c, child)),
        AnyCondition any => any.Conditions.Any(c => Holds(authority, c, child)),
        NotCondition not => !Holds(authority, not.Condition, child),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A child's group: its index value, or, for an agency dimension, the value the catalogue lists first among its records; otherwise Unknown.</summary>
    public static string Group(SyntheticAuthority authority, CohortDimension dimension, SyntheticChild child, DateOnly asAt)
    {
        if (dimension is IndexDimension index)
        {
            return SyntheticAuthority.IndexValue(child, index.Name, asAt) ?? CohortDimension.Unknown;
        }

        var agency = (AgencyDimension)dimension;
        var fact = authority.FactOf(agency.Agency, agency.Fact)!;
        var groups = authority.RecordsOf(child, agency.Agency).Select(r => fact.Evaluate(r, agency.Window, null)?.Group).ToHashSet();
        return fact.Definition.Values.FirstOrDefault(groups.Contains) ?? CohortDimension.Unknown;
    }

    private static double? Measure(SyntheticAuthority authority, CohortMeasure measure, SyntheticChild child)
    {
        if (measure.Kind == CohortMeasureKind.Children)
        {
            return null;
        }

        var fact = authority.FactOf(measure.Agency!, measure.Fact!)!;
        var values = authority.RecordsOf(child, measure.Agency!).Select(r => fact.Evaluate(r, measure.Window!, null)?.Measure).OfType<double>().ToList();
        return measure.Kind == CohortMeasureKind.Events ? values.Sum() : values.Count == 0 ? null : values.Average();
    }
}
