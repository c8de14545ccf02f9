using System.Collections;
using ChildInfo.Analytics.Questions;
using ChildInfo.Analytics.Validation;
using ChildInfo.Disclosure.Keys;
using ChildInfo.Disclosure.Tables;

namespace ChildInfo.Analytics.Evaluation;

/// <summary>
/// Counts a question's cohort from its fetched data into the exact table disclosure control takes. Every set is a
/// bit per child of the population as at the question's date: a fact is its linked children, <c>all</c> the
/// intersection, <c>any</c> the union, <c>not</c> the population without the children matching; positions that do not
/// count (<see cref="CohortData.Included"/>) are then taken out, whatever the condition. Each child is then added
/// once, by its child id (the pseudonymous key of cell-key perturbation), with its groups and measure.
/// </summary>
internal static class CohortCounter
{
    public static CountTable Count(CohortPlan plan, CohortData data, RecordKeys keys)
    {
        var size = data.Population.Count;
        var cohort = plan.Question.Condition is null ? new BitArray(size, true) : Evaluate(plan.Question.Condition, data, size);
        cohort.And(data.Included);
        var groups = plan.Question.Dimensions.Select((d, i) => Groups(d, plan.TableDimensions[i], plan, data)).ToList();
        var measure = Measure(plan.Question.Measure, data, size);

        var builder = new CountTableBuilder(plan.TableDimensions, keys, plan.LinkedAgencies);
        for (var child = 0; child < size; child++)
        {
            if (!cohort[child])
            {
                continue;
            }

            var row = groups.Count > 0 ? groups[0](child) : CohortQuestionValidator.WholeCohort.Categories[0];
            var column = groups.Count > 1 ? groups[1](child) : null;
            builder.Add(data.Population.ChildIds[child]!, row, column, measure?.Invoke(child));
        }
        return builder.Build();
    }

    private static BitArray Evaluate(CohortCondition condition, CohortData data, int size)
    {
        switch (condition)
        {
            case FactCondition fact:
                var set = new BitArray(size);
                foreach (var member in data.Members[MemberRequest.Of(fact)])
                {
                    set[member.Child] = true;
                }
                return set;
            case AllCondition all:
                return all.Conditions.Skip(1).Aggregate(Evaluate(all.Conditions[0], data, size), (s, c) => s.And(Evaluate(c, data, size)));
            case AnyCondition any:
                return any.Conditions.Skip(1).Aggregate(Evaluate(any.Conditions[0], data, size), (s, c) => s.Or(Evaluate(c, data, size)));
            case NotCondition not:
                return Evaluate(not.Condition, data, size).Not();
            default:
                throw new InvalidOperationException("The plan was validated: every condition is known.");
        }
    }

    /// <summary>Each child's group of one dimension: <see cref="CohortDimension.Unknown"/> without a listed value.</summary>
    private static Func<int, string> Groups(CohortDimension dimension, Dimension table, CohortPlan plan, CohortData data)
    {
        var categories = table.Categories;
        var unknown = categories.Count - 1;
        if (dimension is IndexDimension index)
        {
            var column = plan.IndexDimensions.ToList().IndexOf(index.Name);
            var listed = categories.ToHashSet(StringComparer.Ordinal);
            var values = column >= 0 && column < data.Population.Columns.Count ? data.Population.Columns[column] : null;
            return child => values?[child] is { } value && listed.Contains(value) ? value : categories[unknown];
        }

        // Several records of one child: the group the catalogue lists first wins (its rank is lowest), whatever order
        // the records came in. Values the catalogue does not list rank last and count as Unknown.
        var agency = (AgencyDimension)dimension;
        var rankOf = categories.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var ranks = new int[data.Population.Count];
        Array.Fill(ranks, int.MaxValue);
        foreach (var member in data.Members[new MemberRequest(agency.Agency, agency.Fact, null, agency.Window)])
        {
            var rank = member.Group is { } g && rankOf.TryGetValue(g, out var r) ? r : unknown;
            ranks[member.Child] = Math.Min(ranks[member.Child], rank);
        }
        return child => categories[Math.Min(ranks[child], unknown)];
    }

    /// <summary>
    /// Each child's value of the measure, or null for counting children. Events: the sum over the child's records
    /// (0 with none). Mean and median: the mean of the child's records (none without one, so the child is outside the
    /// statistic's base). Values that are not finite numbers are ignored.
    /// </summary>
    private static Func<int, double?>? Measure(CohortMeasure measure, CohortData data, int size)
    {
        if (measure.Kind == CohortMeasureKind.Children)
        {
            return null;
        }

        var sums = new double[size];
        var counts = new int[size];
        foreach (var member in data.Members[new MemberRequest(measure.Agency!, measure.Fact!, null, measure.Window)])
        {
            if (member.Measure is { } value && double.IsFinite(value))
            {
                sums[member.Child] += value;
                counts[member.Child]++;
            }
        }

        return measure.Kind == CohortMeasureKind.Events
            ? child => sums[child]
            : child => counts[child] == 0 ? null : sums[child] / counts[child];
    }
}
