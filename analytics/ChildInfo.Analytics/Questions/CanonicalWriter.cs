using System.Globalization;
using System.Text;

namespace ChildInfo.Analytics.Questions;

/// <summary>
/// Writes a question's canonical text: one line, dates in ISO form, names quoted, and the operands of <c>all</c> and
/// <c>any</c> sorted (they commute), so the same question always reads the same however it was built; for the audit
/// record and as a cache key. It holds only what the analyst asked: no child, no count.
/// </summary>
internal static class CanonicalWriter
{
    public static string Write(CohortQuestion question)
    {
        var text = new StringBuilder();
        text.Append("as_at ").Append(question.AsAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        text.Append("; where ").Append(question.Condition is null ? "population" : Condition(question.Condition));
        text.Append("; by ").Append(question.Dimensions is { Count: > 0 } dimensions ? string.Join(", ", dimensions.Select(Dimension)) : "none");
        text.Append("; measure ").Append(Measure(question.Measure));
        return text.ToString();
    }

    private static string Condition(CohortCondition? condition) => condition switch
    {
        AllCondition all => $"all({Operands(all.Conditions)})",
        AnyCondition any => $"any({Operands(any.Conditions)})",
        NotCondition not => $"not({Condition(not.Condition)})",
        FactCondition fact => $"fact({Quote(fact.Agency)}, {Quote(fact.Fact)}{(fact.Value is null ? "" : " = " + Quote(fact.Value))}, {fact.Window})",
        _ => "missing",
    };

    private static string Operands(IReadOnlyList<CohortCondition>? conditions) =>
        string.Join(", ", (conditions ?? []).Select(Condition).Order(StringComparer.Ordinal));

    private static string Dimension(CohortDimension? dimension) => dimension switch
    {
        IndexDimension index => $"index({Quote(index.Name)})",
        AgencyDimension agency => $"fact({Quote(agency.Agency)}, {Quote(agency.Fact)}, {agency.Window})",
        _ => "missing",
    };

    private static string Measure(CohortMeasure? measure) => measure switch
    {
        null or { Kind: CohortMeasureKind.Children } => "children",
        _ => $"{measure.Kind.ToString().ToLowerInvariant()}({Quote(measure.Agency)}, {Quote(measure.Fact)}, {measure.Window?.ToString() ?? "missing"})",
    };

    /// <summary>Double quotes with backslash escapes, control characters as <c>\uXXXX</c>: no name can break the line or the quoting.</summary>
    internal static string Quote(string? name)
    {
        if (name is null)
        {
            return "missing";
        }

        var quoted = new StringBuilder(name.Length + 2).Append('"');
        foreach (var c in name)
        {
            _ = c switch
            {
                '"' or '\\' => quoted.Append('\\').Append(c),
                _ when char.IsControl(c) || char.IsSurrogate(c) => quoted.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => quoted.Append(c),
            };
        }
        return quoted.Append('"').ToString();
    }
}
