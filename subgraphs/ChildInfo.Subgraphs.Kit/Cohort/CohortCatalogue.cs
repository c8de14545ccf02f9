using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace ChildInfo.Subgraphs.Kit.Cohort;

/// <summary>
/// The facts one agency can count by, checked once when the agency declares them: snake_case names, unique; a label
/// on each; a window on every events fact; values only where the kind uses them.
/// </summary>
public sealed partial class CohortCatalogue
{
    private readonly FrozenDictionary<string, CohortFactDefinition> _byName;

    /// <param name="facts">What the agency counts by.</param>
    /// <param name="wishesSql">
    /// The agency's recorded data-use wishes, one row per wish, with the columns <c>local_id</c> (the record key the
    /// child index links), <c>code</c>, <c>data_category</c>, <c>withheld_purposes</c> and <c>withheld_agencies</c>
    /// (comma-separated, as the agency stores them); null for an agency that records none, whose counts then cannot be
    /// asked for a purpose that honours wishes.
    /// </param>
    /// <exception cref="ArgumentException">A definition breaks one of the rules above.</exception>
    public CohortCatalogue(IEnumerable<CohortFactDefinition> facts, string? wishesSql = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var list = facts.ToList();
        foreach (var fact in list)
        {
            Check(fact);
        }

        if (list.GroupBy(f => f.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"The cohort fact {twice.Key} is declared twice.", nameof(facts));
        }

        Facts = list;
        WishesSql = wishesSql;
        _byName = list.ToFrozenDictionary(f => f.Name, StringComparer.Ordinal);
    }

    /// <summary>An agency that counts by nothing.</summary>
    public static CohortCatalogue Empty { get; } = new([]);

    /// <summary>The facts, in the order declared.</summary>
    public IReadOnlyList<CohortFactDefinition> Facts { get; }

    /// <summary>The SQL of the agency's recorded data-use wishes (see the constructor), or null.</summary>
    public string? WishesSql { get; }

    /// <summary>The fact called <paramref name="name"/>, or null.</summary>
    public CohortFactDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    private static void Check(CohortFactDefinition fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (!SnakeCase().IsMatch(fact.Name))
        {
            throw new ArgumentException($"The cohort fact name '{fact.Name}' is not snake_case.", nameof(fact));
        }

        if (string.IsNullOrWhiteSpace(fact.Label) || string.IsNullOrWhiteSpace(fact.Description) || string.IsNullOrWhiteSpace(fact.Sql))
        {
            throw new ArgumentException($"The cohort fact {fact.Name} needs a label, a description and its SQL.", nameof(fact));
        }

        if (fact.Label == CohortFields.WishesLabel)
        {
            // count:preference lets the gateway read wishes to honour them; it must never let anyone count by them.
            throw new ArgumentException($"The cohort fact {fact.Name} cannot count by '{CohortFields.WishesLabel}': wishes are read only to be honoured.", nameof(fact));
        }

        var hasValues = !fact.Values.IsDefaultOrEmpty || fact.ValuesSql is not null;
        var problem = fact.Kind switch
        {
            CohortFactKind.Dimension when !hasValues => "a dimension lists its groups (Values or ValuesSql)",
            CohortFactKind.Measure or CohortFactKind.Events when hasValues => "a measure or events fact takes no values",
            CohortFactKind.Events when fact.Window == CohortWindowKind.None => "an events fact counts events in a window",
            _ when !fact.Values.IsDefaultOrEmpty && fact.ValuesSql is not null => "values are either fixed or read, not both",
            _ => null,
        };
        if (problem is not null)
        {
            throw new ArgumentException($"The cohort fact {fact.Name} is not valid: {problem}.", nameof(fact));
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();
}
